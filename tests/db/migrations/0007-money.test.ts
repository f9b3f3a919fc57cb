import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { kyselyFor, openSqlite } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/core';

/** A database at 0006 holding a ticket with a deposit, written as the code before 0007 did. */
async function at0006() {
  const sqlite = openSqlite(path.join(tempDir(), 'm.sqlite'));
  const db = kyselyFor(sqlite);
  await migrate(db, '0006-repair');
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
      VALUES ('t1', 's1', 'SH01-261122-0001', '2026-11-22', 'c1', 'd1', 'ready', 'A', 'normal', '坏了', '{}', 0, 0,
          '2026-11-25', 'p1', ${at}, NULL, ${at});
    INSERT INTO payments (id, store_id, ticket_id, business_date, kind, method, amount_fen, staff_id, at,
        idempotency_key) VALUES ('pay1', 's1', 't1', '2026-11-22', 'deposit', 'cash', 5000, 'p1', ${at}, 'k1');`);
  return { sqlite, db, at };
}

describe('migration 0007-money', () => {
  it('keeps old payments and tickets as they were: no change given, no claim receipt voided', async () => {
    const { sqlite, db } = await at0006();
    await migrate(db);
    expect(sqlite.prepare('SELECT amount_fen, tendered_fen, approved_by FROM payments').get()).toEqual({
      amount_fen: 5000,
      tendered_fen: null,
      approved_by: null,
    });
    expect(sqlite.prepare('SELECT claim_voided_at, claim_void_reason FROM tickets').get()).toEqual({
      claim_voided_at: null,
      claim_void_reason: '',
    });
  });

  it('keeps the drawer and the closes append-only, one float a day, and change never negative', async () => {
    const { sqlite, db, at } = await at0006();
    await migrate(db);
    const float = sqlite.prepare(
      `INSERT INTO cash_movements (id, store_id, business_date, kind, amount_fen, staff_id, at, idempotency_key)
       VALUES (?, 's1', ?, ?, 10000, 'p1', ${at}, ?)`,
    );
    float.run('f1', '2026-11-22', 'float', 'a');
    expect(() => float.run('f2', '2026-11-22', 'float', 'b')).toThrow(/UNIQUE/);
    float.run('f3', '2026-11-23', 'float', 'c');
    float.run('f4', '2026-11-22', 'pay_out', 'd');
    expect(() => sqlite.prepare('UPDATE cash_movements SET amount_fen = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM cash_movements').run()).toThrow(/append-only/);
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO payments (id, store_id, ticket_id, business_date, kind, method, amount_fen, staff_id, at,
             idempotency_key, tendered_fen) VALUES ('pay2', 's1', 't1', '2026-11-22', 'payment', 'cash', 5000, 'p1', ${at}, 'k2', 4000)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    const triggers = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_%' ORDER BY name`)
      .all()
      .map((row) => (row as { name: string }).name);
    for (const table of [
      'discounts',
      'signatures',
      'pickups',
      'drawer_counts',
      'day_closes',
      'day_reopens',
    ]) {
      expect(triggers).toEqual(expect.arrayContaining([`${table}_no_update`, `${table}_no_delete`]));
    }
  });
});
