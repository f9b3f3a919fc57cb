import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReportKind, ReportResult } from '../../shared/contract-reports';
import { addDays } from '../../shared/dates';
import { fillReportFacts } from '../../electron/core/reports/report-facts';
import { tableCounts, value } from '../helpers/core';
import { repairStore } from '../helpers/repair';
import { storeWithHistory } from '../helpers/report-history';

const hour = 3_600_000;
const day = 24 * hour;

type Store = Awaited<ReturnType<typeof storeWithHistory>>;

/** Built once for the tests that only read it (it takes a few seconds of real calls). */
let history: Promise<Store> | undefined;
const sharedHistory = () => (history ??= storeWithHistory());

/** The instants a Shanghai business-date range covers, worked out without the app's date code. */
const instants = (from: string, to: string) => ({
  fromMs: Date.parse(`${from}T00:00:00+08:00`),
  toMs: Date.parse(`${to}T00:00:00+08:00`) + day,
});

async function run(store: Store, kind: ReportKind, from: string, to: string): Promise<ReportResult> {
  return value(
    await store.as('supervisor')('reports.run', { runId: randomUUID(), kind, range: { from, to } }),
  );
}

const lowerMedian = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1] ?? null;
};
const mean = (values: number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/** Straight from the ledgers and the devices: none of the columns or tables kept for the reports. */
function raw(store: Store) {
  const all = <T>(sql: string) => store.core.sqlite.prepare(sql).all() as T[];
  const tickets = all<{
    id: string;
    device_id: string;
    service_type: string;
    status: string;
    received_at: number;
    collected_at: number | null;
  }>(
    'SELECT id, device_id, service_type, status, received_at, collected_at FROM tickets ORDER BY received_at',
  );
  const devices = new Map(
    all<{ id: string; category_id: string; brand: string; model: string }>('SELECT * FROM devices').map(
      (d) => [d.id, d],
    ),
  );
  const events = all<{ ticket_id: string; to_status: string; at: number }>(
    'SELECT ticket_id, to_status, at FROM ticket_events ORDER BY at',
  );
  const finishedAt = new Map<string, number>();
  for (const e of events) {
    if (['ready', 'returned_unrepaired', 'replaced'].includes(e.to_status) && !finishedAt.has(e.ticket_id)) {
      finishedAt.set(e.ticket_id, e.at);
    }
  }
  /** Each ticket's previous visit of the same device (a cancelled ticket was none). */
  const previous = new Map<string, (typeof tickets)[number]>();
  for (const ticket of tickets) {
    const before = tickets
      .filter(
        (t) =>
          t.device_id === ticket.device_id && t.received_at < ticket.received_at && t.status !== 'cancelled',
      )
      .at(-1);
    if (before) previous.set(ticket.id, before);
  }
  /** For each ticket, the days since that visit ended (handed back, or else taken in). */
  const gapDays = new Map<string, number>();
  for (const [id, before] of previous) {
    const ticket = tickets.find((t) => t.id === id) as (typeof tickets)[number];
    gapDays.set(
      id,
      Math.max(0, Math.floor((ticket.received_at - (before.collected_at ?? before.received_at)) / day)),
    );
  }
  return { all, tickets, devices, finishedAt, gapDays, previous };
}

describe('reports, each figure worked out again from the raw rows', () => {
  it('turnaround, recurring faults and technicians', async () => {
    const store = await sharedHistory();
    const from = store.today() > '2026-11-22' ? '2026-11-22' : store.today();
    const to = store.today();
    expect(to > '2026-12-15').toBe(true); // the history spans months: the run adds up several slices
    const { all, tickets, devices, finishedAt, gapDays, previous } = raw(store);
    const { fromMs, toMs } = instants(from, to);
    const inRange = (at: number | undefined | null) => at != null && at >= fromMs && at < toMs;

    // Turnaround: tickets finished in the range, by category and service type.
    const turnaround = await run(store, 'turnaround', from, to);
    if (turnaround.kind !== 'turnaround') throw new Error(turnaround.kind);
    const groups = new Map<
      string,
      { repair: number[]; repairH: number[]; collect: number[]; collectH: number[] }
    >();
    for (const t of tickets.filter((t) => inRange(finishedAt.get(t.id)))) {
      const done = finishedAt.get(t.id) as number;
      const groupKey = `${devices.get(t.device_id)?.category_id}/${t.service_type}`;
      const g = groups.get(groupKey) ?? { repair: [], repairH: [], collect: [], collectH: [] };
      g.repair.push((done - t.received_at) / hour);
      g.repairH.push(Math.floor((done - t.received_at) / hour));
      if (t.collected_at !== null) {
        g.collect.push((t.collected_at - done) / hour);
        g.collectH.push(Math.floor((t.collected_at - done) / hour));
      }
      groups.set(groupKey, g);
    }
    expect(turnaround.rows.length).toBeGreaterThan(1);
    expect(
      Object.fromEntries(
        turnaround.rows.map((r) => [
          `${r.categoryId}/${r.serviceType}`,
          [
            r.finished,
            r.repairHoursMean,
            r.repairHoursMedian,
            r.collected,
            r.collectHoursMean,
            r.collectHoursMedian,
          ],
        ]),
      ),
    ).toEqual(
      Object.fromEntries(
        [...groups].map(([k, g]) => [
          k,
          [
            g.repair.length,
            mean(g.repair),
            lowerMedian(g.repairH),
            g.collect.length,
            mean(g.collect),
            lowerMedian(g.collectH),
          ],
        ]),
      ),
    );

    // Recurring faults: tickets received in the range per product, and repeats within 30 and 90 days.
    const recurring = await run(store, 'recurring_faults', from, to);
    if (recurring.kind !== 'recurring_faults') throw new Error(recurring.kind);
    const perProduct = new Map<string, [number, number, number]>();
    for (const t of tickets.filter((t) => inRange(t.received_at))) {
      const d = devices.get(t.device_id);
      const productKey = `${d?.category_id}/${d?.brand}/${d?.model}`;
      const [n, r30, r90] = perProduct.get(productKey) ?? [0, 0, 0];
      const gap = gapDays.get(t.id);
      perProduct.set(productKey, [
        n + 1,
        r30 + (gap !== undefined && gap <= 30 ? 1 : 0),
        r90 + (gap !== undefined && gap <= 90 ? 1 : 0),
      ]);
    }
    expect(
      Object.fromEntries(
        recurring.rows.map((r) => [
          `${r.categoryId}/${r.brand}/${r.model}`,
          [r.tickets, r.repeat30, r.repeat90],
        ]),
      ),
    ).toEqual(Object.fromEntries(perProduct));
    expect(recurring.total.repeat90).toBeGreaterThan(0); // the history does bring devices back
    expect(recurring.total.tickets).toBe(tickets.length);

    // Technicians: labour on tickets finished in the range, by who logged it.
    const technicians = await run(store, 'technicians', from, to);
    if (technicians.kind !== 'technicians') throw new Error(technicians.kind);
    const labour = all<{ ticket_id: string; technician_id: string; minutes: number }>(
      'SELECT ticket_id, technician_id, minutes FROM labour_entries',
    );
    const failedChecks = new Set(
      all<{ ticket_id: string }>('SELECT ticket_id FROM repair_checks WHERE passed = 0').map(
        (c) => c.ticket_id,
      ),
    );
    const cameBack = new Set(
      tickets.filter((t) => (gapDays.get(t.id) ?? 99) <= 30).map((t) => previous.get(t.id)?.id),
    );
    const ratings = all<{ technician_id: string; ticket_id: string; satisfaction: number }>(
      `SELECT f.technician_id, f.ticket_id, c.satisfaction FROM follow_ups f JOIN follow_up_calls c ON c.follow_up_id = f.id
       WHERE c.satisfaction IS NOT NULL AND f.reason != 'complaint'`,
    );
    const expected = new Map<
      string,
      { jobs: number; minutes: number; ftf: number; re: number; ratings: number[] }
    >();
    const perJob = new Map<string, number>();
    for (const entry of labour.filter((l) => inRange(finishedAt.get(l.ticket_id)))) {
      const jobKey = `${entry.ticket_id}/${entry.technician_id}`;
      perJob.set(jobKey, (perJob.get(jobKey) ?? 0) + entry.minutes);
    }
    const statsOf = (id: string) => {
      const found = expected.get(id) ?? { jobs: 0, minutes: 0, ftf: 0, re: 0, ratings: [] };
      expected.set(id, found);
      return found;
    };
    for (const [jobKey, minutes] of perJob) {
      const [ticketId = '', technicianId = ''] = jobKey.split('/');
      if (minutes <= 0) continue;
      const s = statsOf(technicianId);
      s.jobs += 1;
      s.minutes += minutes;
      s.ftf += failedChecks.has(ticketId) ? 0 : 1;
      s.re += cameBack.has(ticketId) ? 1 : 0;
    }
    for (const r of ratings.filter((r) => inRange(finishedAt.get(r.ticket_id))))
      statsOf(r.technician_id).ratings.push(r.satisfaction);
    expect(technicians.rows.map((r) => r.technicianId).sort()).toEqual(
      [store.crew.tech.id, store.crew.tech2.id].sort(),
    );
    expect(
      Object.fromEntries(
        technicians.rows.map((r) => [
          r.technicianId,
          [r.jobs, r.labourMinutes, r.firstTimeFixes, r.reRepairs, r.ratings, r.satisfactionMean],
        ]),
      ),
    ).toEqual(
      Object.fromEntries(
        [...expected].map(([id, s]) => [
          id,
          [
            s.jobs,
            s.minutes,
            s.ftf,
            s.re,
            s.ratings.length,
            s.ratings.length === 0
              ? null
              : Math.round((s.ratings.reduce((a, b) => a + b, 0) / s.ratings.length) * 100) / 100,
          ],
        ]),
      ),
    );
    expect(technicians.rows.some((r) => r.firstTimeFixes < r.jobs)).toBe(true); // some failed a check
    expect(technicians.rows.some((r) => r.reRepairs > 0)).toBe(true); // some came back within 30 days
    expect(technicians.rows.every((r) => r.ratings > 0)).toBe(true);
    // Credit follows the labour: the clerk who opened every ticket is nowhere in it.
    expect(technicians.rows.map((r) => r.technicianId)).not.toContain(store.crew.clerk.id);

    // A part of the range gives the part's figures (the second half: a later first slice).
    const midway = addDays(from, 20);
    const half = await run(store, 'turnaround', midway, to);
    const halfRange = instants(midway, to);
    const finishedInHalf = tickets.filter((t) => {
      const at = finishedAt.get(t.id);
      return at !== undefined && at >= halfRange.fromMs && at < halfRange.toMs;
    }).length;
    expect(half.kind === 'turnaround' && half.rows.reduce((n, r) => n + r.finished, 0)).toBe(finishedInHalf);
    expect(finishedInHalf).toBeLessThan(finishedAt.size);
  });

  it('income, parts and service levels', async () => {
    const store = await sharedHistory();
    const from = '2026-11-22';
    const to = store.today();
    const { all, tickets } = raw(store);
    const { fromMs, toMs } = instants(from, to);

    const income = await run(store, 'income', from, to);
    if (income.kind !== 'income') throw new Error(income.kind);
    const typeOf = new Map(tickets.map((t) => [t.id, t.service_type]));
    const payments = all<{
      ticket_id: string;
      kind: string;
      method: string;
      amount_fen: number;
      business_date: string;
    }>('SELECT * FROM payments').filter((p) => p.business_date >= from && p.business_date <= to);
    const money = new Map<string, [number, number, number]>();
    for (const p of payments) {
      const moneyKey = `${typeOf.get(p.ticket_id)}/${p.method}`;
      const [taken, refunded, n] = money.get(moneyKey) ?? [0, 0, 0];
      money.set(
        moneyKey,
        p.kind === 'refund'
          ? [taken, refunded + p.amount_fen, n + 1]
          : [taken + p.amount_fen, refunded, n + 1],
      );
    }
    expect(
      Object.fromEntries(
        income.rows.map((r) => [`${r.serviceType}/${r.method}`, [r.takenFen, r.refundedFen, r.payments]]),
      ),
    ).toEqual(Object.fromEntries(money));
    expect(new Set(income.rows.map((r) => r.serviceType)).size).toBeGreaterThan(1);

    const parts = await run(store, 'parts', from, to);
    if (parts.kind !== 'parts') throw new Error(parts.kind);
    const used = all<{ ticket_id: string; quantity: number; at: number }>(
      "SELECT ticket_id, quantity, at FROM stock_movements WHERE kind = 'used'",
    ).filter((m) => m.at >= fromMs && m.at < toMs);
    const net = -used.reduce((n, m) => n + m.quantity, 0);
    expect(net).toBeGreaterThan(0);
    expect(parts.rows).toEqual([
      expect.objectContaining({
        sku: 'SCR-1',
        quantity: net,
        costFen: net * 30000,
        tickets: new Set(used.map((m) => m.ticket_id)).size,
      }),
    ]);

    const levels = await run(store, 'service_levels', from, to);
    if (levels.kind !== 'service_levels') throw new Error(levels.kind);
    const followUps = all<{ due_at: number; closed_at: number | null }>(
      'SELECT due_at, closed_at FROM follow_ups',
    ).filter((f) => f.due_at >= fromMs && f.due_at < toMs);
    const complaints = all<{
      replied_at: number | null;
      reply_due_at: number;
      resolved_at: number | null;
      resolve_due_at: number;
      acceptance: string | null;
    }>('SELECT * FROM complaints');
    const calls = all<{ answered_at: number | null; answer_due_at: number; close_reason: string | null }>(
      'SELECT * FROM repair_calls',
    );
    const now = store.clock.now();
    expect(levels.levels).toEqual({
      followUpsDue: followUps.length,
      followUpsReached: followUps.filter((f) => f.closed_at !== null).length,
      followUpsOnTime: followUps.filter((f) => f.closed_at !== null && f.closed_at <= f.due_at).length,
      complaints: complaints.length,
      answeredOnTime: complaints.filter((k) => k.replied_at !== null && k.replied_at <= k.reply_due_at)
        .length,
      answeredLate: complaints.filter((k) => k.replied_at !== null && k.replied_at > k.reply_due_at).length,
      resolvedOnTime: complaints.filter((k) => k.resolved_at !== null && k.resolved_at <= k.resolve_due_at)
        .length,
      resolvedLate: complaints.filter((k) => k.resolved_at !== null && k.resolved_at > k.resolve_due_at)
        .length,
      unansweredOverdue: complaints.filter((k) => k.replied_at === null && k.reply_due_at < now).length,
      unresolvedOverdue: complaints.filter((k) => k.resolved_at === null && k.resolve_due_at < now).length,
      accepted: complaints.filter((k) => k.acceptance === 'accepted').length,
      repairCalls: calls.length,
      callsAnsweredOnTime: calls.filter((c) => c.answered_at !== null && c.answered_at <= c.answer_due_at)
        .length,
      callsConverted: calls.filter((c) => c.close_reason === 'converted').length,
    });
    expect(levels.levels).toMatchObject({ unansweredOverdue: 1, repairCalls: 2, callsConverted: 1 });
    expect(levels.levels.followUpsDue).toBeGreaterThan(5);
    expect(levels.levels.answeredOnTime).toBe(1);
  });

  it('keeps what it derives for them equal to a derivation from the ledgers', async () => {
    const store = await sharedHistory();
    const snapshot = () => ({
      tickets: store.core.sqlite
        .prepare(
          'SELECT id, category_id, brand, model, finished_at, prior_ticket_id, prior_gap_days FROM tickets ORDER BY id',
        )
        .all(),
      credits: store.core.sqlite
        .prepare('SELECT * FROM work_credits ORDER BY ticket_id, technician_id')
        .all(),
    });
    const kept = snapshot();
    expect(kept.credits.length).toBeGreaterThan(10);
    // Forget them all, as for tickets written without the app, and fill them in again from the ledgers.
    store.core.sqlite.exec(`UPDATE tickets SET category_id = NULL, brand = '', model = '', finished_at = NULL,
      prior_ticket_id = NULL, prior_gap_days = NULL`);
    fillReportFacts(store.core.sqlite);
    expect(snapshot()).toEqual(kept);
  });
});

describe('report runs', () => {
  it('refuse a reversed or over-long range and technicians, changing nothing', async () => {
    const store = await repairStore();
    const before = tableCounts(store.core);
    const reversed = await store.as('supervisor')('reports.run', {
      runId: randomUUID(),
      kind: 'turnaround',
      range: { from: '2026-11-22', to: '2026-11-01' },
    });
    expect(reversed.ok || [reversed.error.code, reversed.error.fields]).toEqual([
      'invalid_input',
      { 'range.to': 'before_from' },
    ]);
    const long = await store.as('supervisor')('reports.run', {
      runId: randomUUID(),
      kind: 'turnaround',
      range: { from: '2020-01-01', to: '2026-11-01' },
    });
    expect(long.ok || [long.error.code, long.error.fields]).toEqual([
      'invalid_input',
      { 'range.from': 'range_over_three_years' },
    ]);
    const impossible = await store.as('supervisor')('reports.run', {
      runId: randomUUID(),
      kind: 'turnaround',
      range: { from: '2026-02-30', to: '2026-03-01' },
    });
    expect(impossible.ok || impossible.error.code).toBe('invalid_input');
    const asTech = await store.as('tech')('reports.run', {
      runId: randomUUID(),
      kind: 'technicians',
      range: { from: '2026-11-01', to: '2026-11-22' },
    });
    expect(asTech.ok || asTech.error.code).toBe('forbidden');
    expect(tableCounts(store.core)).toEqual(before);
  });

  it('tell their progress while they run, and stop when their owner cancels them', async () => {
    const store = await repairStore();
    const runId = randomUUID();
    const range = { from: '2024-01-01', to: '2026-11-22' }; // 35 months: 35 slices and the last step
    const running = store.as('supervisor')('reports.run', { runId, kind: 'recurring_faults', range });
    // The run yields between slices, so progress is answered while it goes on, and it moves.
    const progress = async () => value(await store.as('supervisor')('reports.progress', { runId }));
    const first = await progress();
    expect(first?.total).toBe(36);
    let later = first;
    // Each question waits a turn of the event loop first, as the screen's polling does between its asks.
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    for (let turns = 0; turns < 10_000 && (later?.done ?? 0) < 3; turns++)
      later = await turn().then(progress);
    expect(later?.done).toBeGreaterThanOrEqual(3);
    expect(later?.done).toBeLessThan(36);
    expect(value(await store.as('admin')('reports.cancel', { runId }))).toEqual({ cancelled: false }); // not theirs
    expect(value(await store.as('supervisor')('reports.cancel', { runId }))).toEqual({ cancelled: true });
    const stopped = await running;
    expect(stopped.ok || stopped.error.code).toBe('cancelled');
    expect(value(await store.as('supervisor')('reports.progress', { runId }))).toBeNull();

    const finished = value(
      await store.as('supervisor')('reports.run', { runId: randomUUID(), kind: 'recurring_faults', range }),
    );
    expect(finished).toMatchObject({ kind: 'recurring_faults', rows: [], total: { tickets: 0 } });
  });

  it('never read another call’s transaction halfway: a change rolled back is not in the report', async () => {
    const store = await sharedHistory();
    const range = { from: '2026-11-22', to: store.today() };
    const technicians = () =>
      store.as('supervisor')('reports.run', { runId: randomUUID(), kind: 'technicians', range });
    const before = value(await technicians());
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A write that takes its time (its transaction open across turns of the event loop), then fails.
    const write = store.core.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('work_credits').set({ minutes: 100_000 }).execute();
        await gate;
        throw new Error('refused after all');
      })
      .catch((error: Error) => error.message);
    const during = technicians();
    let answered = false;
    void during.then(() => (answered = true));
    for (let turns = 0; turns < 200; turns++) await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false); // it waits for the write to end
    release();
    expect(await write).toBe('refused after all');
    expect(value(await during)).toEqual(before);
  });
});
