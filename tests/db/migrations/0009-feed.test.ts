import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { kyselyFor, openSqlite } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/core';

describe('migration 0009-feed', () => {
  it('gives an enrolled counter a feed cursor that starts with a full download, and a place for what headquarters sent', async () => {
    const sqlite = openSqlite(path.join(tempDir(), 'm.sqlite'));
    const db = kyselyFor(sqlite);
    await migrate(db, '0008-sync');
    sqlite
      .prepare(
        `INSERT INTO sync_state (id, server_url, device_id, secret, store_code, enrolled_at, last_success_at)
         VALUES (1, 'http://hq', 'd1', 'plain:x', 'SH01', 1, 5)`,
      )
      .run();
    await migrate(db);
    expect(
      sqlite
        .prepare('SELECT last_success_at, feed_cursor, feed_resyncing, feed_remaining FROM sync_state')
        .get(),
    ).toEqual({ last_success_at: 5, feed_cursor: 0, feed_resyncing: 1, feed_remaining: null });
    const keep = sqlite.prepare(
      'INSERT INTO hq_master (entity, entity_id, payload, generation) VALUES (?, ?, ?, 1)',
    );
    keep.run('categories', 'phone', '{"id":"phone"}');
    expect(() => keep.run('categories', 'phone', '{}')).toThrow(/UNIQUE/);
    expect(() => keep.run('categories', 'tv', 'not json')).toThrow(/CHECK/);
    expect(() => sqlite.prepare('UPDATE sync_state SET feed_resyncing = 2').run()).toThrow(/CHECK/);
  });
});
