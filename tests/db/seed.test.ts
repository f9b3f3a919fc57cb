import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { custodyHash, genesisHash } from '../../electron/core/custody/custody-ledger';
import { bigramsOf } from '../../electron/core/customers/name-index';
import type { CustodyMovementsTable } from '../../electron/core/db/schema';
import { seedDatabase } from '../../scripts/seed/generate';
import { seedStaff } from '../../scripts/seed/store';
import { rpc, tempDir, value } from '../helpers/core';

const tickets = 500;
const options = { tickets, seed: 7, endDate: '2026-11-20', batchSize: 200 };

describe('npm run seed', () => {
  let core: Core;
  let token: string;
  const all = <T>(sql: string, ...params: unknown[]) => core.sqlite.prepare(sql).all(...params) as T[];
  const one = (sql: string) => core.sqlite.prepare(sql).pluck().get();

  beforeAll(async () => {
    const dataDir = tempDir('rc-seed-');
    await seedDatabase({ ...options, dataDir, worker: false });
    core = await Core.open({ dataDir, appVersion: '0.0.0-test' });
    const clerk = seedStaff[0] as (typeof seedStaff)[number];
    const staff = value(await rpc(core, 'auth.roster', {})).find((s) => s.name === clerk.name);
    token = value(await rpc(core, 'auth.signIn', { staffId: staff?.id ?? '', pin: clerk.pin })).token;
  });
  afterAll(() => core?.close());

  it('writes the tickets with their customers and devices, every reference intact', () => {
    expect(one('SELECT count(*) FROM tickets')).toBe(tickets);
    expect(
      one(`SELECT count(*) FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id
        LEFT JOIN devices d ON d.id = t.device_id WHERE c.id IS NULL OR d.id IS NULL`),
    ).toBe(0);
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
    expect(one('SELECT count(*) FROM ticket_events')).toBe(tickets);
    expect(one('SELECT count(*) FROM custody_movements')).toBe(tickets);
    const customers = one('SELECT count(*) FROM customers') as number;
    expect(tickets / customers).toBeGreaterThan(1.3);
    expect(tickets / customers).toBeLessThan(2);
  });

  it('numbers tickets SH01-YYMMDD-NNNN, unique, with ticket_sequences at each day’s last number', () => {
    const rows = all<{ ticket_no: string; business_date: string }>(
      'SELECT ticket_no, business_date FROM tickets',
    );
    expect(new Set(rows.map((r) => r.ticket_no)).size).toBe(tickets);
    const lastOfDay = new Map<string, number>();
    for (const { ticket_no, business_date } of rows) {
      expect(ticket_no).toMatch(/^SH01-\d{6}-\d{4}$/);
      expect(ticket_no.slice(5, 11)).toBe(business_date.slice(2).replace(/-/g, ''));
      const seq = Number(ticket_no.slice(12));
      lastOfDay.set(business_date, Math.max(lastOfDay.get(business_date) ?? 0, seq));
    }
    const sequences = all<{ business_date: string; last_seq: number }>(
      'SELECT business_date, last_seq FROM ticket_sequences',
    );
    expect(new Map(sequences.map((s) => [s.business_date, s.last_seq]))).toEqual(lastOfDay);
  });

  it('chains every custody entry to the one before with custodyHash', () => {
    const entries = all<CustodyMovementsTable>('SELECT * FROM custody_movements ORDER BY seq');
    let prev = genesisHash;
    entries.forEach((entry, i) => {
      const { hash, ...content } = entry;
      expect(entry.seq).toBe(i + 1);
      expect(entry.prev_hash).toBe(prev);
      expect(hash).toBe(custodyHash(content));
      prev = hash;
    });
  });

  it('indexes every name as indexCustomerName does, and search finds them', async () => {
    const customers = all<{ rowid: number; name: string }>('SELECT rowid, name FROM customers');
    const bigrams = all<{ bigram: string; customer_rowid: number }>('SELECT * FROM customer_name_bigrams');
    const expected = customers.flatMap((c) => bigramsOf(c.name).map((b) => `${b}|${c.rowid}`));
    expect(new Set(bigrams.map((b) => `${b.bigram}|${b.customer_rowid}`))).toEqual(new Set(expected));
    expect(one('SELECT count(*) FROM customer_names')).toBe(customers.length);

    const pair = customers.find((c) => /^\p{Script=Han}{2}$/u.test(c.name));
    expect(pair).toBeDefined();
    const byName = value(await rpc(core, 'tickets.search', { query: pair?.name ?? '' }, { token }));
    expect(byName.some((t) => t.customerName === pair?.name)).toBe(true);
  });

  it('finds a seeded customer’s tickets by the last four digits of their phone', async () => {
    const { phone, customer_id } = all<{ phone: string; customer_id: string }>(
      'SELECT phone, customer_id FROM customer_phones LIMIT 1 OFFSET 40',
    )[0] as { phone: string; customer_id: string };
    expect(phone).toMatch(/^1[358]\d{9}$/);
    const found = value(await rpc(core, 'tickets.search', { query: phone.slice(-4) }, { token }));
    const theirs = all<{ id: string }>('SELECT id FROM tickets WHERE customer_id = ?', customer_id);
    expect(found.map((t) => t.id)).toEqual(expect.arrayContaining(theirs.map((t) => t.id)));
  });

  it('gives the same history for the same seed, in a worker thread too', async () => {
    const dataDir = tempDir('rc-seed-again-');
    await seedDatabase({ ...options, dataDir, worker: true });
    const again = await Core.open({ dataDir, appVersion: '0.0.0-test' });
    const digest = (c: Core) =>
      c.sqlite
        .prepare(
          `SELECT t.ticket_no, c.name, d.serial, t.status, t.warranty FROM tickets t
          JOIN customers c ON c.id = t.customer_id JOIN devices d ON d.id = t.device_id ORDER BY t.ticket_no`,
        )
        .all();
    try {
      expect(digest(again)).toEqual(digest(core));
    } finally {
      await again.close();
    }
  });
});
