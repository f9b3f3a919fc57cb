import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { kyselyFor, openSqlite } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/core';

describe('migration 0010-quality', () => {
  it('keeps calls and complaint events append-only and refuses follow-ups and complaints that do not add up', async () => {
    const sqlite = openSqlite(path.join(tempDir(), 'm.sqlite'));
    sqlite.pragma('foreign_keys = OFF'); // rows here stand alone: the checks under test are the table's own
    await migrate(kyselyFor(sqlite));
    const complaint = sqlite.prepare(
      `INSERT INTO complaints (id, store_id, source, severity, customer_name, customer_phone, summary,
         reply_due_at, resolve_due_at, created_by, created_at, updated_at, idempotency_key, resolved_at, replied_at)
       VALUES (@id, 's', 'call', 'normal', '王伟', '138', '黑屏', 1, 2, 'st', 0, 0, @id, @resolved, @replied)`,
    );
    complaint.run({ id: 'k1', resolved: null, replied: null });
    expect(() => complaint.run({ id: 'k2', resolved: 5, replied: null })).toThrow(/CHECK/); // resolved, never replied
    const followUp = sqlite.prepare(
      `INSERT INTO follow_ups (id, store_id, ticket_id, complaint_id, reason, due_at, created_at)
       VALUES (?, 's', ?, ?, ?, 1, 0)`,
    );
    followUp.run('f1', 't1', null, 'sampled');
    expect(() => followUp.run('f2', 't1', null, 'sampled')).toThrow(/UNIQUE/); // once per ticket and reason
    expect(() => followUp.run('f3', 't1', null, 'complaint')).toThrow(/CHECK/); // a complaint's needs the complaint
    followUp.run('f4', null, 'k1', 'complaint');
    const call = sqlite.prepare(
      `INSERT INTO follow_up_calls (id, follow_up_id, reached, satisfaction, staff_id, at, idempotency_key)
       VALUES (?, 'f1', ?, ?, 'st', 0, ?)`,
    );
    call.run('c1', 1, 4, 'k-c1');
    expect(() => call.run('c2', 0, 3, 'k-c2')).toThrow(/CHECK/); // a rating without reaching anyone
    expect(() => call.run('c3', 1, 6, 'k-c3')).toThrow(/CHECK/);
    expect(() => sqlite.prepare('UPDATE follow_up_calls SET satisfaction = 5').run()).toThrow(/append-only/);
    sqlite
      .prepare(
        `INSERT INTO complaint_events (id, complaint_id, kind, staff_id, at) VALUES ('e1', 'k1', 'logged', 'st', 0)`,
      )
      .run();
    expect(() => sqlite.prepare('DELETE FROM complaint_events').run()).toThrow(/append-only/);
  });
});
