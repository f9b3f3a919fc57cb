import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { kyselyFor, openSqlite } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/core';

const day = 86_400_000;

describe('migration 0011-reports', () => {
  it('fills in the report columns and work credits of the tickets a store already has', async () => {
    const sqlite = openSqlite(path.join(tempDir(), 'm.sqlite'));
    sqlite.pragma('foreign_keys = OFF'); // rows here stand alone: what is under test is the backfill
    const db = kyselyFor(sqlite);
    await migrate(db, '0010-quality');
    sqlite
      .prepare(
        `INSERT INTO devices (id, store_id, customer_id, category_id, brand, model, created_at, updated_at)
         VALUES ('d1', 's', 'c', 'phone', 'Huawei', 'P60', 0, 0)`,
      )
      .run();
    const ticket = sqlite.prepare(
      `INSERT INTO tickets (id, store_id, ticket_no, business_date, customer_id, device_id, status, service_type,
         priority, reported_fault, warranty, estimate_fen, diagnosis_fee_fen, promised_date, received_by,
         received_at, collected_at, updated_at)
       VALUES (?, 's', ?, '2026-01-01', 'c', 'd1', ?, 'A', 'normal', '黑屏', '{}', 0, 0, '2026-01-05', 'clerk', ?, ?, 0)`,
    );
    ticket.run('t1', 'N1', 'collected', 0, 5 * day);
    ticket.run('t2', 'N2', 'in_repair', 17 * day, null); // back 12 days after t1 was handed back
    const event = sqlite.prepare(
      `INSERT INTO ticket_events (id, ticket_id, at, staff_id, to_status) VALUES (?, 't1', ?, 'tech', ?)`,
    );
    event.run('e1', 2 * day, 'ready');
    event.run('e2', 3 * day, 'ready'); // ready again after a failed check: the first time counts
    const labour = sqlite.prepare(
      `INSERT INTO labour_entries (id, store_id, ticket_id, technician_id, minutes, source, reverses, recorded_by, at)
       VALUES (?, 's', ?, ?, ?, ?, ?, 'tech', 0)`,
    );
    labour.run('l1', 't1', 'tech-a', 30, 'manual', null);
    labour.run('l2', 't1', 'tech-b', 10, 'manual', null);
    labour.run('l3', 't1', 'tech-b', -10, 'reversal', 'l2'); // reversed: tech-b did nothing that counts
    labour.run('l4', 't2', 'tech-a', 20, 'manual', null); // not finished: no credit yet
    sqlite
      .prepare(
        `INSERT INTO repair_checks (id, store_id, ticket_id, kind, passed, staff_id, at) VALUES ('k1', 's', 't1', 'supervisor', 0, 'boss', 0)`,
      )
      .run();

    // Called back: the customer rated the job 4, for tech-a, the technician with the most labour.
    sqlite
      .prepare(
        `INSERT INTO follow_ups (id, store_id, ticket_id, reason, technician_id, due_at, created_at, closed_at)
         VALUES ('f1', 's', 't1', 'sampled', 'tech-a', 0, 0, 1)`,
      )
      .run();
    sqlite
      .prepare(
        `INSERT INTO follow_up_calls (id, follow_up_id, reached, satisfaction, staff_id, at, idempotency_key)
         VALUES ('c1', 'f1', 1, 4, 'clerk', 1, 'k1')`,
      )
      .run();

    await migrate(db);
    expect(
      sqlite
        .prepare(
          'SELECT id, category_id, brand, model, finished_at, prior_ticket_id, prior_gap_days FROM tickets ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        id: 't1',
        category_id: 'phone',
        brand: 'Huawei',
        model: 'P60',
        finished_at: 2 * day,
        prior_ticket_id: null,
        prior_gap_days: null,
      },
      {
        id: 't2',
        category_id: 'phone',
        brand: 'Huawei',
        model: 'P60',
        finished_at: null,
        prior_ticket_id: 't1',
        prior_gap_days: 12,
      },
    ]);
    expect(sqlite.prepare('SELECT * FROM work_credits').all()).toEqual([
      {
        ticket_id: 't1',
        technician_id: 'tech-a',
        store_id: 's',
        finished_at: 2 * day,
        minutes: 30,
        first_time_fix: 0,
        came_back: 1, // t2 came back 12 days after t1 was handed back
        rating: 4,
      },
    ]);
    const call = sqlite.prepare(
      `INSERT INTO repair_calls (id, store_id, customer_name, customer_phone, fault, called_at, answer_due_at,
         created_by, created_at, updated_at, idempotency_key, closed_at, close_reason, ticket_id)
       VALUES (?, 's', '赵磊', '139', '不开机', 0, 1, 'clerk', 0, 0, ?, ?, ?, ?)`,
    );
    call.run('r1', 'r1', null, null, null);
    expect(() => call.run('r2', 'r2', 5, 'converted', null)).toThrow(/CHECK/); // converted into no ticket
    expect(() => call.run('r3', 'r3', null, 'cancelled', null)).toThrow(/CHECK/); // a reason, never closed
    call.run('r4', 'r4', 5, 'converted', 't2');
    expect(() => call.run('r5', 'r5', 5, 'converted', 't2')).toThrow(/UNIQUE/); // one call per ticket
  });
});
