import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { custodyHash, genesisHash } from '../../electron/core/custody/custody-ledger';
import { verifyCustodyLedger } from '../../electron/core/custody/verify-ledger';
import { bigramsOf } from '../../electron/core/customers/name-index';
import type { CustodyMovementsTable } from '../../electron/core/db/schema';
import { seedDatabase } from '../../scripts/seed/generate';
import { seedStaff } from '../../scripts/seed/store';
import type { Role } from '../../shared/roles';
import {
  isFinalStatus,
  pickupStatuses,
  ruleFor,
  viaOfAction,
  workStatuses,
} from '../../shared/ticket-status';
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
    expect(one("SELECT count(*) FROM ticket_events WHERE action = 'intake'")).toBe(tickets);
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

  it('leaves each device where its ticket’s status says: with its owner, on the premises or at a vendor', () => {
    const places = all<{ status: string; place: string; n: number }>(
      `SELECT t.status, s.place, count(*) AS n FROM tickets t JOIN custody_state s ON s.ticket_id = t.id
       GROUP BY t.status, s.place`,
    );
    const here = ['on_premises'];
    const allowed: Record<string, string[]> = {
      collected: ['with_customer'],
      cancelled: ['with_customer'],
      // The manufacturer refunds and keeps the device; an abandoned one was disposed of.
      refunded: ['at_vendor'],
      abandoned: ['disposed'],
      at_vendor: ['at_vendor'],
      ...Object.fromEntries(
        [...workStatuses, ...pickupStatuses].filter((s) => s !== 'at_vendor').map((status) => [status, here]),
      ),
    };
    expect(places.filter((p) => !allowed[p.status]?.includes(p.place))).toEqual([]);
    const count = (status: string) => places.filter((p) => p.status === status).reduce((n, p) => n + p.n, 0);
    // Most old tickets collected, a few ended otherwise; recent work spread over the board.
    expect(count('collected')).toBeGreaterThan(tickets * 0.8);
    for (const status of ['cancelled', 'abandoned', 'refunded']) expect(count(status)).toBeGreaterThan(0);
    const open = workStatuses.map(count);
    expect(open.reduce((a, b) => a + b, 0)).toBeGreaterThan(15);
    expect(count('ready')).toBeGreaterThan(5);
    // Every work status is on the board, bar possibly the rarest two in a store this small.
    expect(open.filter((n) => n > 0).length).toBeGreaterThanOrEqual(workStatuses.length - 2);
  });

  it('records every ticket’s acts as the state machine allows them, ending at its status', () => {
    type Event = {
      ticket_id: string;
      at: number;
      staff_id: string;
      from_status: string | null;
      to_status: string;
      note: string;
      action: string;
      details: string;
    };
    const roles = new Map(
      all<{ id: string; role: Role }>('SELECT id, role FROM staff').map((s) => [s.id, s.role]),
    );
    const via = viaOfAction;
    const chains = new Map<string, Event[]>();
    for (const event of all<Event>('SELECT * FROM ticket_events ORDER BY ticket_id, at')) {
      const chain = chains.get(event.ticket_id) ?? [];
      chain.push(event);
      chains.set(event.ticket_id, chain);
    }
    const lastLabour = new Map(
      all<{ ticket_id: string; at: number }>(
        'SELECT ticket_id, max(at) AS at FROM labour_entries GROUP BY ticket_id',
      ).map((l) => [l.ticket_id, l.at]),
    );
    const wrong: unknown[] = [];
    const rows = all<{
      id: string;
      status: string;
      version: number;
      received_at: number;
      received_by: string;
      status_at: number | null;
      activity_at: number | null;
      updated_at: number;
      diagnosis: string;
    }>('SELECT * FROM tickets');
    for (const t of rows) {
      const chain = chains.get(t.id) ?? [];
      const first = chain[0];
      const problem = (what: string) => wrong.push({ ticket: t.id, status: t.status, what });
      if (first?.action !== 'intake' || first.from_status !== null || first.to_status !== 'received')
        problem('does not start with its intake');
      else if (first.at !== t.received_at || first.staff_id !== t.received_by) problem('intake differs');
      for (let i = 1; i < chain.length; i++) {
        const [before, e] = [chain[i - 1] as Event, chain[i] as Event];
        if (e.at <= before.at) problem(`event ${i} not after the one before`);
        if (e.from_status !== before.to_status) problem(`event ${i} starts from ${e.from_status}`);
        JSON.parse(e.details);
        if (e.from_status === e.to_status) {
          if (!['assign', 'claim', 'diagnose', 'qc'].includes(e.action)) problem(`${e.action} moved nothing`);
          continue;
        }
        const rule = ruleFor(e.from_status ?? '', e.to_status);
        const role = roles.get(e.staff_id);
        if (!rule) problem(`${e.from_status} → ${e.to_status} is not a move`);
        else if (rule.via !== via[e.action]) problem(`${e.from_status} → ${e.to_status} by ${e.action}`);
        else if (!role || !rule.by.includes(role)) problem(`${e.from_status} → ${e.to_status} by a ${role}`);
        else if (rule.needs.includes('note') && !e.note) problem(`${e.to_status} without a note`);
      }
      const last = chain.at(-1);
      const lastMove = chain.findLast((e) => e.from_status !== e.to_status);
      if (last?.to_status !== t.status) problem(`ends at ${last?.to_status}`);
      if (t.version !== chain.length) problem(`version ${t.version} for ${chain.length} events`);
      // When it entered its status (the last move), when anything last happened (an act or labour).
      if (t.status_at !== lastMove?.at) problem('status_at is not the last move');
      if (t.updated_at !== last?.at) problem('updated_at is not the last act');
      if (t.activity_at !== Math.max(last?.at ?? 0, lastLabour.get(t.id) ?? 0)) problem('activity_at');
      if (chain.some((e) => e.action === 'qc') && !t.diagnosis) problem('repaired undiagnosed');
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(one('SELECT count(*) FROM ticket_events') as number).toBeGreaterThan(tickets * 5);
    // Every kind of act the workflow records occurs.
    const moves = all<{ action: string; n: number }>(
      'SELECT action, count(*) AS n FROM ticket_events GROUP BY action',
    );
    expect(moves.map((m) => m.action).sort()).toEqual(
      [
        'abandon',
        'approve',
        'assign',
        'check',
        'claim',
        'diagnose',
        'from_vendor',
        'intake',
        'move',
        'outcome',
        'pickup',
        'qc',
        'to_vendor',
      ].sort(),
    );
  });

  it('assigns jobs to technicians: everything past diagnosing, and some received and diagnosing ones', () => {
    const assignees = all<{ role: string; n: number }>(
      `SELECT s.role, count(*) AS n FROM tickets t JOIN staff s ON s.id = t.assigned_to GROUP BY s.role`,
    );
    expect(assignees.map((a) => a.role)).toEqual(['technician']);
    expect(
      one(`SELECT count(*) FROM tickets WHERE assigned_to IS NULL
        AND status NOT IN ('received', 'diagnosing', 'on_hold', 'cancelled')`),
    ).toBe(0);
    const technicians = one(
      `SELECT count(DISTINCT assigned_to) FROM tickets WHERE assigned_to IS NOT NULL`,
    ) as number;
    expect(technicians).toBe(seedStaff.filter((s) => s.role === 'technician').length);
    // Received jobs mostly wait for a technician; diagnosing ones mostly have theirs.
    const share = (status: string) =>
      one(`SELECT avg(assigned_to IS NULL) FROM tickets WHERE status = '${status}'`) as number;
    expect(share('received')).toBeGreaterThan(0.4);
    expect(share('diagnosing')).toBeLessThan(0.6);
    expect(
      one("SELECT count(*) FROM tickets WHERE priority = 'urgent' AND status != 'collected'"),
    ).toBeGreaterThan(0);
    // Assignments as repair.assign and repair.claim write them.
    const acts = all<{
      action: string;
      staff_id: string;
      to_status: string;
      details: string;
      assigned_to: string;
    }>(
      `SELECT e.action, e.staff_id, e.details, t.assigned_to FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.action IN ('assign', 'claim')`,
    );
    expect(acts.length).toBeGreaterThan(tickets * 0.9);
    expect(
      acts.filter((a) => {
        const details = JSON.parse(a.details) as { to: string };
        return details.to !== a.assigned_to || (a.action === 'claim' && a.staff_id !== a.assigned_to);
      }),
    ).toEqual([]);
  });

  it('keeps acts and custody in step: vendor trips, hand-backs and disposals at the same moment', () => {
    const unmatched = (action: string, kind: string) =>
      one(`SELECT count(*) FROM ticket_events e WHERE e.action = '${action}' AND NOT EXISTS
        (SELECT 1 FROM custody_movements m WHERE m.ticket_id = e.ticket_id AND m.kind = '${kind}'
         AND m.at = e.at AND m.staff_id = e.staff_id)`);
    expect(unmatched('to_vendor', 'to_vendor')).toBe(0);
    expect(unmatched('from_vendor', 'from_vendor')).toBe(0);
    expect(unmatched('abandon', 'abandoned')).toBe(0);
    expect(
      one(`SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.to_status IN ('collected', 'cancelled') AND e.from_status != e.to_status AND NOT EXISTS
        (SELECT 1 FROM custody_movements m WHERE m.ticket_id = e.ticket_id AND m.kind = 'handed_back'
         AND m.at = e.at AND m.staff_id = e.staff_id)`),
    ).toBe(0);
    // And the other way round: every trip out or back is the act's.
    expect(
      one(`SELECT count(*) FROM custody_movements m WHERE m.kind IN ('to_vendor', 'from_vendor') AND NOT EXISTS
        (SELECT 1 FROM ticket_events e WHERE e.ticket_id = m.ticket_id AND e.action = m.kind AND e.at = m.at)`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM tickets WHERE (status = 'collected') != (collected_at IS NOT NULL)`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM tickets t WHERE status = 'collected' AND collected_at !=
        (SELECT at FROM custody_movements m WHERE m.ticket_id = t.id AND m.kind = 'handed_back')`),
    ).toBe(0);
  });

  it('fills the repair card: diagnosis, labour, QC and the supervisor’s check, approvals', () => {
    const diagnosed = all<{ diagnosis: string; cause: string; action_taken: string; by: string }>(
      `SELECT diagnosis, cause, action_taken, diagnosed_by AS by FROM tickets WHERE diagnosis != ''`,
    );
    expect(diagnosed.length).toBeGreaterThan(tickets * 0.7);
    expect(diagnosed.some((d) => /\p{Script=Han}/u.test(d.diagnosis))).toBe(true);
    expect(diagnosed.some((d) => /^[A-Z][a-z]/.test(d.diagnosis))).toBe(true);
    expect(diagnosed.filter((d) => !d.cause || !d.by)).toEqual([]);
    // Every act of the diagnosis is the technician's who diagnosed it.
    expect(
      one(`SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.action = 'diagnose' AND e.staff_id != t.diagnosed_by`),
    ).toBe(0);

    // Labour: 1-3 entries per repair, 10-180 minutes, by the assigned technician.
    const labour = all<{ ticket_id: string; n: number; bad: number }>(
      `SELECT l.ticket_id, count(*) AS n,
         sum(l.minutes NOT BETWEEN 10 AND 180 OR l.technician_id != t.assigned_to OR l.recorded_by != t.assigned_to
           OR (l.source = 'timer' AND (l.ended_at != l.at OR l.ended_at - l.started_at != l.minutes * 60000))
           OR (l.source = 'manual' AND l.started_at IS NOT NULL)) AS bad
       FROM labour_entries l JOIN tickets t ON t.id = l.ticket_id GROUP BY l.ticket_id`,
    );
    expect(labour.filter((l) => l.bad > 0)).toEqual([]);
    expect(labour.filter((l) => l.n < 1 || l.n > 5)).toEqual([]);
    const repaired = one(
      `SELECT count(DISTINCT ticket_id) FROM ticket_events WHERE action = 'qc' AND to_status = 'awaiting_check'`,
    ) as number;
    expect(repaired).toBeGreaterThan(tickets * 0.6);
    expect(
      one(`SELECT count(DISTINCT e.ticket_id) FROM ticket_events e WHERE e.action = 'qc' AND NOT EXISTS
        (SELECT 1 FROM labour_entries l WHERE l.ticket_id = e.ticket_id AND l.at <= e.at)`),
    ).toBe(0);

    // A check row for every QC and supervisor's check, at the same moment, passed as the act says.
    for (const [action, kind, passed] of [
      ['qc', 'qc', "e.details ->> 'qcPassed'"],
      ['check', 'supervisor', "e.details ->> 'passed'"],
    ] as const) {
      expect(
        one(`SELECT count(*) FROM ticket_events e WHERE e.action = '${action}' AND NOT EXISTS
          (SELECT 1 FROM repair_checks c WHERE c.ticket_id = e.ticket_id AND c.kind = '${kind}' AND c.at = e.at
           AND c.staff_id = e.staff_id AND c.passed = ${passed})`),
      ).toBe(0);
      expect(one(`SELECT count(*) FROM repair_checks WHERE kind = '${kind}'`)).toBe(
        one(`SELECT count(*) FROM ticket_events WHERE action = '${action}'`),
      );
    }
    // Checked by a supervisor at their last passed check; only those are or were ready.
    expect(
      one(`SELECT count(*) FROM tickets t WHERE (checked_by IS NOT NULL) != EXISTS
        (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'check' AND e.to_status = 'ready')`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM tickets t JOIN staff s ON s.id = t.checked_by
        WHERE s.role NOT IN ('supervisor', 'admin') OR t.checked_at != (SELECT max(at) FROM ticket_events e
          WHERE e.ticket_id = t.id AND e.action = 'check' AND e.to_status = 'ready')`),
    ).toBe(0);

    // Approvals: only for estimates over the customer's limit, one row per answer.
    const approvals = all<{
      decision: string;
      amount_fen: number;
      approved_fen: number | null;
      limit: number | null;
      estimate: number;
      charge: string;
    }>(
      `SELECT a.decision, a.amount_fen, t.approved_fen, t.cost_limit_fen AS "limit", t.estimate_fen AS estimate,
         t.charge_basis AS charge FROM approvals a JOIN tickets t ON t.id = a.ticket_id`,
    );
    expect(approvals.length).toBeGreaterThan(10);
    expect(approvals.length).toBe(one("SELECT count(*) FROM ticket_events WHERE action = 'approve'"));
    expect(
      approvals.filter(
        (a) =>
          a.limit === null ||
          a.amount_fen <= a.limit ||
          (a.decision === 'approved' ? a.approved_fen !== a.amount_fen : a.charge !== 'diagnosis_fee'),
      ),
    ).toEqual([]);
    expect(approvals.some((a) => a.decision === 'declined')).toBe(true);
    expect(
      one(`SELECT count(*) FROM tickets WHERE status = 'awaiting_approval'
        AND NOT (cost_limit_fen IS NOT NULL AND estimate_fen > cost_limit_fen AND approved_fen IS NULL)`),
    ).toBe(0);
    // 三包 outcomes close claims with a replacement (a new serial) or a refund.
    expect(
      one(`SELECT count(*) FROM tickets WHERE (outcome IS NOT NULL) != EXISTS
        (SELECT 1 FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.action = 'outcome')
        OR (outcome = 'replace' AND replacement_serial = '') OR (outcome IS NOT NULL AND charge_basis != 'free')`),
    ).toBe(0);
  });

  it('leaves some work overdue and some stalled at the end of the history', () => {
    const open = `status IN (${workStatuses.map((s) => `'${s}'`).join(', ')})`;
    const today = '2026-11-20';
    const overdue = one(
      `SELECT count(*) FROM tickets WHERE ${open} AND promised_date < '${today}'`,
    ) as number;
    const stalled = one(
      `SELECT count(*) FROM tickets WHERE ${open} AND activity_at < ${end - 48 * 3_600_000}`,
    ) as number;
    const work = one(`SELECT count(*) FROM tickets WHERE ${open}`) as number;
    expect(overdue).toBeGreaterThan(work * 0.1);
    expect(stalled).toBeGreaterThan(work * 0.1);
    expect(stalled).toBeLessThan(work * 0.9);
    expect(one(`SELECT count(*) FROM tickets WHERE ${open} AND activity_at > ${end}`)).toBe(0);
    expect(
      all<{ status: string }>('SELECT DISTINCT status FROM tickets').filter(
        (t) =>
          isFinalStatus(t.status) && !['collected', 'cancelled', 'abandoned', 'refunded'].includes(t.status),
      ),
    ).toEqual([]);
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

  it('calls back a share of hand-backs, opens a complaint for each unhappy rating, and logs repair calls before their intakes', () => {
    const collected = one('SELECT count(*) FROM tickets WHERE collected_at IS NOT NULL') as number;
    const followUps = one('SELECT count(*) FROM follow_ups') as number;
    expect(followUps / collected).toBeGreaterThan(0.25);
    expect(followUps / collected).toBeLessThan(0.35);
    // Closed exactly when a call reached the customer, at that call.
    expect(
      one(`SELECT count(*) FROM follow_ups f WHERE (f.closed_at IS NULL) !=
        NOT EXISTS (SELECT 1 FROM follow_up_calls c WHERE c.follow_up_id = f.id AND c.reached = 1 AND c.at = f.closed_at)`),
    ).toBe(0);
    expect(
      one(
        'SELECT count(*) FROM follow_ups f JOIN tickets t ON t.id = f.ticket_id WHERE f.created_at != t.collected_at',
      ),
    ).toBe(0);
    const unhappy = one('SELECT count(*) FROM follow_up_calls WHERE satisfaction <= 2') as number;
    expect(unhappy).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM complaints WHERE source = 'follow_up'")).toBe(unhappy);
    expect(
      one('SELECT count(*) FROM complaints WHERE resolved_at < replied_at OR replied_at < created_at'),
    ).toBe(0);
    const calls = all<{ called_at: number; received_at: number | null; close_reason: string }>(
      `SELECT r.called_at, t.received_at, r.close_reason FROM repair_calls r LEFT JOIN tickets t ON t.id = r.ticket_id`,
    );
    expect(calls.length).toBeGreaterThan(tickets / 50);
    expect(
      calls
        .filter((c) => c.close_reason === 'converted')
        .every((c) => c.received_at !== null && c.called_at < c.received_at),
    ).toBe(true);
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
    const events = (c: Core) =>
      c.sqlite
        .prepare(
          `SELECT t.ticket_no, e.at, e.action, e.from_status, e.to_status, e.note FROM ticket_events e
          JOIN tickets t ON t.id = e.ticket_id ORDER BY t.ticket_no, e.at`,
        )
        .all();
    try {
      expect(digest(again)).toEqual(digest(core));
      expect(ledger(again)).toEqual(ledger(core));
      expect(events(again)).toEqual(events(core));
    } finally {
      await again.close();
    }
  });
});
