import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { kyselyFor, openSqlite } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/core';

describe('migration 0008-sync', () => {
  it('adds the one-row link to headquarters and leaves the outbox as it was', async () => {
    const sqlite = openSqlite(path.join(tempDir(), 'm.sqlite'));
    const db = kyselyFor(sqlite);
    await migrate(db, '0007-money');
    sqlite
      .prepare(
        `INSERT INTO outbox (id, store_id, entity, entity_id, op, payload, created_at)
         VALUES ('o1', 's1', 'tickets', 't1', 'upsert', '{}', 1)`,
      )
      .run();
    await migrate(db);
    const link = sqlite.prepare(
      `INSERT INTO sync_state (id, server_url, device_id, secret, store_code, enrolled_at)
       VALUES (?, 'http://hq', 'd1', 'plain:x', 'SH01', 1)`,
    );
    link.run(1);
    expect(() => link.run(2)).toThrow(/CHECK/); // one link per counter
    expect(sqlite.prepare('SELECT last_error, last_success_at FROM sync_state').get()).toEqual({
      last_error: '',
      last_success_at: null,
    });
    expect(sqlite.prepare('SELECT seq, id FROM outbox').all()).toEqual([{ seq: 1, id: 'o1' }]);
  });
});
