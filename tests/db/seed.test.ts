import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { custodyHash, genesisHash } from '../../electron/core/custody/custody-ledger';
import { verifyCustodyLedger } from '../../electron/core/custody/verify-ledger';
import { bigramsOf } from '../../electron/core/customers/name-index';
import type { CustodyMovementsTable } from '../../electron/core/db/schema';
import { seedDatabase } from '../../scripts/seed/generate';
import { seedStaff } from '../../scripts/seed/store';
import { rpc, tempDir, value } from '../helpers/core';

const tickets = 3000;
const options = { tickets, seed: 7, endDate: '2026-11-20', batchSize: 400, parts: 300 };
/** 20:00 in Shanghai on the end date: the history's last moment. */
const end = Date.UTC(2026, 10, 20, 12, 0);

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
    expect(one('SELECT count(*) FROM custody_state')).toBe(tickets);
    // Parts, with stock that equals their ledger (npm run seed -- --parts N).
    expect(one('SELECT count(*) FROM parts')).toBe(options.parts);
    expect(
      one(`SELECT count(*) FROM parts p
        WHERE on_hand != (SELECT coalesce(sum(quantity), 0) FROM stock_movements m WHERE m.part_id = p.id)`),
    ).toBe(0);
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
    // The first entry out of line, rather than an assertion per entry (there are ~15,000).
    const broken = entries.find((entry, i) => {
      const { hash, ...content } = entry;
      const ok = entry.seq === i + 1 && entry.prev_hash === prev && hash === custodyHash(content);
      prev = hash;
      return !ok;
    });
    expect(broken).toBeUndefined();
  });

  it('passes the ledger verifier: chain, movement rules and every device’s saved place', async () => {
    const report = await verifyCustodyLedger(core.sqlite);
    expect(report).toEqual({ entries: one('SELECT count(*) FROM custody_movements'), firstBroken: null });
  });

  it('gives each ticket a trail of several entries, in time order, received first, none after the end', () => {
    const entries = one('SELECT count(*) FROM custody_movements') as number;
    expect(entries / tickets).toBeGreaterThan(4.5);
    expect(entries / tickets).toBeLessThan(6);
    // The ledger's order is the clock's, as when the app appends each movement as it happens.
    expect(
      one(`SELECT count(*) FROM custody_movements a JOIN custody_movements b ON b.seq = a.seq + 1
        WHERE b.at < a.at`),
    ).toBe(0);
    expect(one('SELECT max(at) FROM custody_movements')).toBeLessThanOrEqual(end);
    // In opening hours (09:00-19:30 Shanghai, UTC+8), bar the odd move squeezed in before a customer
    // who collects first thing in the morning.
    const closed = one(`SELECT count(*) FROM custody_movements
      WHERE (at / 60000 + 480) % 1440 NOT BETWEEN 540 AND 1169`) as number;
    expect(closed / entries).toBeLessThan(0.01);
    const trails = new Map<string, { kind: string; at: number; staff_id: string }[]>();
    for (const row of all<{ ticket_id: string; kind: string; at: number; staff_id: string }>(
      'SELECT ticket_id, kind, at, staff_id FROM custody_movements ORDER BY seq',
    )) {
      const trail = trails.get(row.ticket_id) ?? [];
      trail.push(row);
      trails.set(row.ticket_id, trail);
    }
    const out = all<{ id: string; received_at: number; received_by: string; collected_at: number | null }>(
      'SELECT id, received_at, received_by, collected_at FROM tickets',
    ).filter((t) => {
      const trail = trails.get(t.id) ?? [];
      const last = trail.at(-1);
      return (
        trail[0]?.kind !== 'received' ||
        trail[0].at !== t.received_at ||
        trail[0].staff_id !== t.received_by ||
        trail.some((entry, i) => i > 0 && entry.at <= (trail[i - 1]?.at ?? 0)) ||
        (t.collected_at !== null && (last?.kind !== 'handed_back' || last.at !== t.collected_at))
      );
    });
    expect(out).toEqual([]);
  });

  it('leaves collected devices with their owners, open ones on the premises or at a vendor', () => {
    const places = all<{ status: string; place: string; n: number }>(
      `SELECT t.status, s.place, count(*) AS n FROM tickets t JOIN custody_state s ON s.ticket_id = t.id
       GROUP BY t.status, s.place`,
    );
    const allowed: Record<string, string[]> = {
      collected: ['with_customer'],
      cancelled: ['with_customer'],
      received: ['on_premises'],
      in_repair: ['on_premises', 'at_vendor'],
      awaiting_parts: ['on_premises', 'at_vendor'],
      ready: ['on_premises'],
      // Disposed of after the storage period and a notice, or still waiting for that on a shelf.
      abandoned: ['on_premises', 'disposed'],
    };
    expect(places.filter((p) => !allowed[p.status]?.includes(p.place))).toEqual([]);
    const count = (status: string) => places.filter((p) => p.status === status).reduce((n, p) => n + p.n, 0);
    // Enough of each for the rule above to mean something.
    expect(count('collected')).toBeGreaterThan(tickets * 0.8);
    expect(count('received') + count('in_repair') + count('awaiting_parts') + count('ready')).toBeGreaterThan(
      20,
    );
    expect(places.some((p) => p.status === 'abandoned' && p.place === 'disposed')).toBe(true);
  });

  it('sends some devices to the brand’s service centre with an RMA number, and has them back', () => {
    const trips = all<{
      ticket_id: string;
      location: string;
      details: string;
      at: number;
      back: string | null;
    }>(
      `SELECT m.ticket_id, m.location, m.details, m.at,
         (SELECT b.kind FROM custody_movements b WHERE b.ticket_id = m.ticket_id AND b.seq > m.seq
          ORDER BY b.seq LIMIT 1) AS back
       FROM custody_movements m WHERE m.kind = 'to_vendor'`,
    );
    expect(trips.length).toBeGreaterThan(tickets * 0.03);
    expect(trips.map((t) => t.location)).toEqual(
      expect.arrayContaining(['华为授权服务中心', 'Apple 授权服务商']),
    );
    const wrong = trips.filter((trip) => {
      const details = JSON.parse(trip.details) as Record<string, string>;
      // As goods.move writes them: vendor, rmaNo, expectedBack, in that order.
      return (
        Object.keys(details).join() !== 'vendor,rmaNo,expectedBack' ||
        details.vendor !== trip.location ||
        !/^[A-Z]+\d{6,}$/.test(details.rmaNo ?? '') ||
        (details.expectedBack ?? '') <= new Date(trip.at).toISOString().slice(0, 10) ||
        (trip.back !== 'from_vendor' && trip.back !== null)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('shows the seeded custody through the app: where a device is, and what is on the premises', async () => {
    const collected = one(
      "SELECT ticket_no FROM tickets WHERE status = 'collected' ORDER BY ticket_no LIMIT 1 OFFSET 99",
    ) as string;
    const { state, trail } = value(await rpc(core, 'goods.whereIs', { ticket: collected }, { token }));
    expect(state).toMatchObject({ ticketNo: collected, place: 'with_customer', kind: 'handed_back' });
    expect(trail.length).toBeGreaterThanOrEqual(3);
    expect(trail[0]?.kind).toBe('received');
    const here = value(await rpc(core, 'goods.onPremises', {}, { token }));
    expect(here.total).toBe(one("SELECT count(*) FROM custody_state WHERE place = 'on_premises'"));
    expect(here.rows.length).toBe(Math.min(here.total, 100)); // the first page
    expect(here.rows.every((row) => row.place === 'on_premises')).toBe(true);
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
    // Ids and hashes differ (each store and its staff get fresh ids); what happened, when, does not.
    const ledger = (c: Core) =>
      c.sqlite
        .prepare(
          `SELECT m.seq, t.ticket_no, m.kind, m.location, m.at, m.details FROM custody_movements m
          JOIN tickets t ON t.id = m.ticket_id ORDER BY m.seq`,
        )
        .all();
    try {
      expect(digest(again)).toEqual(digest(core));
      expect(ledger(again)).toEqual(ledger(core));
    } finally {
      await again.close();
    }
  });
});
