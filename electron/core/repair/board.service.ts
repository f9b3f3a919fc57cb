import { sql } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { boardViews } from '../../../shared/contract-repair';
import { calendarDateIn } from '../../../shared/dates';
import { isWorkStatus, pickupStatuses, workStatuses, type TicketStatus } from '../../../shared/ticket-status';
import { sessionOf, type Ctx } from '../context';
import type { Executor } from '../db/schema';
import { localStore } from '../store/store.repository';
import { byDueDate, byQuietest, byUrgency, keys, pageOf, type Clock, type Key } from './board.queries';

async function clockOf(ctx: Ctx): Promise<Clock> {
  const store = await localStore(ctx);
  const now = ctx.core.now();
  return {
    today: calendarDateIn(now, store.time_zone),
    timeZone: store.time_zone,
    stalledBefore: now - ctx.core.settings.stallHours * 3_600_000,
  };
}

/** Open work tickets matching a condition, counted on the index alone. */
const countBase = (db: Executor) =>
  db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', workStatuses);
type CountQuery = ReturnType<typeof countBase>;

async function countWork(db: Executor, where: (q: CountQuery) => CountQuery): Promise<number> {
  const row = await where(countBase(db)).executeTakeFirstOrThrow();
  return Number(row.n);
}

type View = (typeof boardViews)[number];
/** A view's query for one status, before its limit. */
type KeyQuery = { limit(n: number): { execute(): Promise<Key[]> } };
type Input = ParsedInputOf<'repair.board'>;

/** Each view's keys for one status, in the view's order, from an index. */
const viewKeys: Record<View, (db: Executor, status: TicketStatus, input: Input, clock: Clock) => KeyQuery> = {
  status: (db, status, input) =>
    keys(db)
      .select(['priority', 'promised_date'])
      .where('status', '=', status)
      .$if(!!input.technicianId, (q) => q.where('assigned_to', '=', input.technicianId ?? ''))
      .orderBy('priority', 'desc')
      .orderBy('promised_date')
      .orderBy(sql`rowid`),
  overdue: (db, status, input, clock) =>
    keys(db)
      .select(['promised_date', 'priority'])
      .where('status', '=', status)
      .where('promised_date', '<', clock.today)
      .$if(!!input.technicianId, (q) => q.where('assigned_to', '=', input.technicianId ?? ''))
      .orderBy('promised_date')
      .orderBy('priority', 'desc')
      .orderBy(sql`rowid`),
  stalled: (db, status, input, clock) =>
    keys(db)
      .select('activity_at')
      .where('status', '=', status)
      .where('activity_at', '<', clock.stalledBefore)
      .$if(!!input.technicianId, (q) => q.where('assigned_to', '=', input.technicianId ?? ''))
      .orderBy('activity_at')
      .orderBy(sql`rowid`),
  unassigned: (db, status) =>
    keys(db)
      .select(['priority', 'promised_date'])
      .where('assigned_to', 'is', null)
      .where('status', '=', status)
      .orderBy('priority', 'desc')
      .orderBy('promised_date')
      .orderBy(sql`rowid`),
};

const viewOrder: Record<View, (a: Key, b: Key) => number> = {
  status: byUrgency,
  overdue: byDueDate,
  stalled: byQuietest,
  unassigned: byUrgency,
};

/** The board: open work per status, overdue, stalled and unassigned counts, and one view's rows. */
export async function board(
  ctx: Ctx,
  input: ParsedInputOf<'repair.board'>,
): Promise<OutputOf<'repair.board'>> {
  const db = ctx.core.db;
  const clock = await clockOf(ctx);
  const shown = [...workStatuses, ...pickupStatuses];
  const counted = await db
    .selectFrom('tickets')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', shown)
    .groupBy('status')
    .execute();
  const [overdue, stalled, unassigned] = await Promise.all([
    countWork(db, (q) => q.where('promised_date', '<', clock.today)),
    countWork(db, (q) => q.where('activity_at', '<', clock.stalledBefore)),
    countWork(db, (q) => q.where('assigned_to', 'is', null)),
  ]);

  const statuses: readonly TicketStatus[] = input.status
    ? [input.status]
    : input.view === 'status'
      ? shown
      : workStatuses;
  const listed = input.view === 'status' ? statuses : statuses.filter(isWorkStatus);
  const rows = await pageOf(
    db,
    listed.map((status) => viewKeys[input.view](db, status, input, clock).limit(input.limit).execute()),
    viewOrder[input.view],
    input.limit,
    clock,
  );
  return {
    counts: Object.fromEntries(counted.map((c) => [c.status, Number(c.n)])),
    overdue,
    stalled,
    unassigned,
    rows,
  };
}

/** "My jobs": the signed-in technician's open work, and the unassigned jobs they could take. */
export async function myJobs(ctx: Ctx): Promise<OutputOf<'repair.myJobs'>> {
  const db = ctx.core.db;
  const me = sessionOf(ctx).staffId;
  const clock = await clockOf(ctx);
  // Waiting for the supervisor's check is no one's job to take.
  const open = workStatuses.filter((s) => s !== 'awaiting_check');
  const jobs = (statuses: readonly TicketStatus[], assignee: string | null, limit: number) =>
    pageOf(
      db,
      [
        keys(db)
          .select(['priority', 'promised_date'])
          .where('assigned_to', assignee === null ? 'is' : '=', assignee)
          .where('status', 'in', statuses)
          .orderBy('priority', 'desc')
          .orderBy('promised_date')
          .orderBy(sql`rowid`)
          .limit(limit)
          .execute(),
      ],
      byUrgency,
      limit,
      clock,
    );
  const [mine, unassigned] = await Promise.all([jobs(workStatuses, me, 200), jobs(open, null, 50)]);
  return { mine, unassigned };
}
