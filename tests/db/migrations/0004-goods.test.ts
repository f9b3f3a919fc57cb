import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { custodyHash, genesisHash } from '../../../electron/core/custody/custody-ledger';
import { verifyCustodyLedger } from '../../../electron/core/custody/verify-ledger';
import { migrate } from '../../../electron/core/db/migrate';
import { kyselyFor, openSqlite } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/core';

/** A database at 0003 holding two tickets and their intake entries, written as 0002's code did. */
async function at0003WithTwoTickets() {
  const sqlite = openSqlite(path.join(tempDir(), 'm.sqlite'));
  const db = kyselyFor(sqlite);
  await migrate(db, '0003-search-speed');
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
      VALUES ('d1', 's1', 'c1', 'phone', ${at}, ${at}), ('d2', 's1', 'c1', 'phone', ${at}, ${at});`);
  let prev = genesisHash;
  for (const [seq, id] of [
    [1, 't1'],
    [2, 't2'],
  ] as const) {
    sqlite
      .prepare(
        `INSERT INTO tickets (id, store_id, ticket_no, business_date, customer_id, device_id, status, service_type,
          priority, reported_fault, warranty, estimate_fen, diagnosis_fee_fen, promised_date, received_by,
          received_at, updated_at)
         VALUES (?, 's1', ?, '2026-11-22', 'c1', ?, 'received', 'A', 'normal', '坏了', '{}', 0, 0, '2026-11-25', 'p1', ?, ?)`,
      )
      .run(id, `SH01-261122-000${seq}`, `d${seq}`, at + seq, at + seq);
    // 0002's entry had no details or reverses: its hash was computed without them.
    const entry = {
      id: `m${seq}`,
      store_id: 's1',
      seq,
      ticket_id: id,
      device_id: `d${seq}`,
      kind: 'received',
      location: 'counter',
      staff_id: 'p1',
      at: at + seq,
      note: '',
      prev_hash: prev,
      details: '{}',
      reverses: null,
    };
    prev = custodyHash(entry);
    sqlite
      .prepare(
        `INSERT INTO custody_movements (id, store_id, seq, ticket_id, device_id, kind, location, staff_id, at, note,
          prev_hash, hash) VALUES (?, 's1', ?, ?, ?, 'received', 'counter', 'p1', ?, '', ?, ?)`,
      )
      .run(entry.id, seq, id, entry.device_id, entry.at, entry.prev_hash, prev);
  }
  return { sqlite, db };
}

describe('migration 0004-goods', () => {
  it('puts every device already taken in on the premises, and the old chain still verifies', async () => {
    const { sqlite, db } = await at0003WithTwoTickets();
    await migrate(db);
    expect(sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(
      sqlite
        .prepare('SELECT ticket_id, place, location, kind, entry_id FROM custody_state ORDER BY ticket_id')
        .all(),
    ).toEqual([
      { ticket_id: 't1', place: 'on_premises', location: 'counter', kind: 'received', entry_id: 'm1' },
      { ticket_id: 't2', place: 'on_premises', location: 'counter', kind: 'received', entry_id: 'm2' },
    ]);
    expect(await verifyCustodyLedger(sqlite)).toEqual({ entries: 2, firstBroken: null });
  });

  it('keeps the register and the goods view on indexes', async () => {
    const { sqlite, db } = await at0003WithTwoTickets();
    await migrate(db);
    const plan = (query: string) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan("SELECT * FROM custody_movements WHERE store_id = 's1' AND at >= 1 AND at < 2 ORDER BY at"),
    ).toContain('INDEX custody_movements_at');
    expect(
      plan(
        "SELECT * FROM custody_state WHERE store_id = 's1' AND place = 'on_premises' ORDER BY location, since",
      ),
    ).toContain('INDEX custody_state_place');
  });
});
