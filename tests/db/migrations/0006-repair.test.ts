import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { kyselyFor, openSqlite } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/core';

/** A database at 0005 holding an open and a collected ticket, written as the code before 0006 did. */
async function at0005() {
  const sqlite = openSqlite(path.join(tempDir(), 'm.sqlite'));
  const db = kyselyFor(sqlite);
  await migrate(db, '0005-parts');
  const at = 1_795_000_000_000;
  sqlite.exec(`
    INSERT INTO stores (id, code, name, time_zone, currency, created_at, updated_at)
      VALUES ('s1', 'SH01', '店', 'Asia/Shanghai', 'CNY', ${at}, ${at});
    INSERT INTO staff (id, store_id, name, role, pin_hash, active, created_at, updated_at)
      VALUES ('p1', 's1', '王', 'clerk', 'x', 1, ${at}, ${at});
    INSERT INTO warranty_policies (id, policy, updated_at) VALUES ('w', '{}', ${at});
    INSERT INTO categories (id, name_zh, name_en, warranty_policy_id, sort, updated_at)
      VALUES ('phone', '手机', 'Phone', 'w', 0, ${at});
    INSERT INTO customers (id, store_id, name, created_at, updated_at) VALUES ('c1', 's1', '王伟', ${at}, ${at});
    INSERT INTO devices (id, store_id, customer_id, category_id, created_at, updated_at)
      VALUES ('d1', 's1', 'c1', 'phone', ${at}, ${at});
    INSERT INTO tickets (id, store_id, ticket_no, business_date, customer_id, device_id, status, service_type,
        priority, reported_fault, warranty, estimate_fen, diagnosis_fee_fen, promised_date, received_by,
        received_at, collected_at, updated_at)
      VALUES
        ('t1', 's1', 'SH01-261122-0001', '2026-11-22', 'c1', 'd1', 'in_repair', 'A', 'normal', '坏了', '{}', 0, 0,
          '2026-11-25', 'p1', ${at}, NULL, ${at + 5}),
        ('t2', 's1', 'SH01-261122-0002', '2026-11-22', 'c1', 'd1', 'collected', 'A', 'normal', '坏了', '{}', 0, 0,
          '2026-11-25', 'p1', ${at}, ${at + 9}, ${at + 9});
    INSERT INTO ticket_events (id, ticket_id, at, staff_id, from_status, to_status)
      VALUES ('e1', 't1', ${at}, 'p1', NULL, 'received');`);
  return { sqlite, db, at };
}

describe('migration 0006-repair', () => {
  it('gives every ticket version 1 and open ones their stage and activity times; old events are moves', async () => {
    const { sqlite, db, at } = await at0005();
    await migrate(db);
    expect(
      sqlite
        .prepare(
          'SELECT id, version, status_at, activity_at, assigned_to, charge_basis, outcome FROM tickets ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        id: 't1',
        version: 1,
        status_at: at + 5,
        activity_at: at + 5,
        assigned_to: null,
        charge_basis: 'estimate',
        outcome: null,
      },
      {
        id: 't2',
        version: 1,
        status_at: null,
        activity_at: null,
        assigned_to: null,
        charge_basis: 'estimate',
        outcome: null,
      },
    ]);
    expect(sqlite.prepare('SELECT action, details FROM ticket_events').get()).toEqual({
      action: 'move',
      details: '{}',
    });
  });

  it('keeps the repair records append-only and refuses impossible rows', async () => {
    const { sqlite, db, at } = await at0005();
    await migrate(db);
    const labour = sqlite.prepare(
      `INSERT INTO labour_entries (id, store_id, ticket_id, technician_id, minutes, source, reverses, recorded_by, at)
       VALUES (?, 's1', 't1', 'p1', ?, ?, ?, 'p1', ${at})`,
    );
    labour.run('l1', 30, 'manual', null);
    expect(() => labour.run('l2', -30, 'manual', null)).toThrow(/CHECK/);
    expect(() => labour.run('l3', 30, 'reversal', 'l1')).toThrow(/CHECK/);
    labour.run('l4', -30, 'reversal', 'l1');
    expect(() => labour.run('l5', -30, 'reversal', 'l1')).toThrow(/UNIQUE/); // undone once only
    expect(() => sqlite.prepare('DELETE FROM labour_entries').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('UPDATE labour_entries SET minutes = 1').run()).toThrow(/append-only/);
    const triggers = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_%' ORDER BY name`)
      .all()
      .map((row) => (row as { name: string }).name);
    for (const table of ['approvals', 'repair_checks', 'repair_parts']) {
      expect(triggers).toEqual(expect.arrayContaining([`${table}_no_update`, `${table}_no_delete`]));
    }
  });

  it('answers the board and my-jobs queries from their indexes', async () => {
    const { sqlite, db } = await at0005();
    await migrate(db);
    const plan = (query: string) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        `SELECT id FROM tickets WHERE status = 'in_repair' AND activity_at < 5 ORDER BY activity_at LIMIT 100`,
      ),
    ).toMatch(/USING INDEX tickets_activity/);
    expect(
      plan(
        `SELECT id FROM tickets WHERE assigned_to = 'p1' AND status = 'in_repair' ORDER BY priority DESC, promised_date LIMIT 100`,
      ),
    ).toMatch(/USING INDEX tickets_assignee/);
    expect(
      plan(`SELECT count(*) FROM tickets WHERE status IN ('received', 'in_repair') AND assigned_to IS NULL`),
    ).toMatch(/USING COVERING INDEX tickets_assignee/);
  });
});
