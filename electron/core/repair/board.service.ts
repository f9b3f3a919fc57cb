import type { BoardRow } from '../../../shared/contract-repair';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { calendarDateIn, daysBetween } from '../../../shared/dates';
import { pickupStatuses, workStatuses, type TicketStatus } from '../../../shared/ticket-status';
import { sessionOf, type Ctx } from '../context';
import type { Executor } from '../db/schema';
import { localStore } from '../store/store.repository';

/*
 * The board reads only this store's tickets: the table holds no other (sync ships them out; it
 * brings back master data only), so the queries leave `store_id` out and walk the indexes
 * tickets_status (status, promised_date), tickets_activity (status, activity_at) and
 * tickets_assignee (assigned_to, status, priority, promised_date), one status at a time, each with
 * its own limit, and merge the pages here.
 */

const boardRows = (db: Executor) =>
  db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .leftJoin('staff as s', 's.id', 't.assigned_to')
    .select([
      't.id',
      't.ticket_no',
      't.status',
      't.priority',
      't.service_type',
      't.reported_fault',
      't.promised_date',
      't.assigned_to',
      's.name as assignee_name',
      't.status_at',
      't.activity_at',
      't.received_at',
      't.version',
      'c.name as customer_name',
      'd.brand',
      'd.model',
    ]);

type Raw = Awaited<ReturnType<ReturnType<typeof boardRows>['execute']>>[number];
type Query = ReturnType<typeof boardRows>;

type Clock = { today: string; timeZone: string; stalledBefore: number };

async function clockOf(ctx: Ctx): Promise<Clock> {
  const store = await localStore(ctx);
  const now = ctx.core.now();
  return {
    today: calendarDateIn(now, store.time_zone),
    timeZone: store.time_zone,
    stalledBefore: now - ctx.core.settings.stallHours * 3_600_000,
  };
}

const isWork = (status: string) => (workStatuses as readonly string[]).includes(status);

function toRow(raw: Raw, clock: Clock): BoardRow {
  const since = raw.status_at ?? raw.received_at;
  const active = raw.activity_at ?? since;
  return {
    id: raw.id,
    ticketNo: raw.ticket_no,
    status: raw.status as TicketStatus,
    priority: raw.priority,
    serviceType: raw.service_type,
    customerName: raw.customer_name,
    device: `${raw.brand} ${raw.model}`.trim(),
    reportedFault: raw.reported_fault,
    promisedDate: raw.promised_date,
    assignedTo: raw.assigned_to ? { id: raw.assigned_to, name: raw.assignee_name ?? '' } : null,
    statusAt: since,
    activityAt: active,
    daysInStage: Math.max(0, daysBetween(calendarDateIn(since, clock.timeZone), clock.today)),
    overdue: isWork(raw.status) && raw.promised_date < clock.today,
    stalled: isWork(raw.status) && active < clock.stalledBefore,
    version: raw.version,
  };
}

/** Urgent first, then the earliest due date: the order work is taken in. */
const byUrgency = (a: BoardRow, b: BoardRow) =>
  (a.priority === b.priority ? 0 : a.priority === 'urgent' ? -1 : 1) ||
  a.promisedDate.localeCompare(b.promisedDate) ||
  a.ticketNo.localeCompare(b.ticketNo);

/** Runs one limited query per status and merges the pages in `order`. */
async function perStatus(
  statuses: readonly TicketStatus[],
  query: (status: TicketStatus) => Query,
  limit: number,
  clock: Clock,
  order: (a: BoardRow, b: BoardRow) => number,
): Promise<BoardRow[]> {
  const pages = await Promise.all(statuses.map((status) => query(status).limit(limit).execute()));
  return pages
    .flat()
    .map((raw) => toRow(raw, clock))
    .sort(order)
    .slice(0, limit);
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
  const mine = (q: Query) => (input.technicianId ? q.where('t.assigned_to', '=', input.technicianId) : q);
  const views = {
    status: (s: TicketStatus) => mine(boardRows(db).where('t.status', '=', s)).orderBy('t.promised_date'),
    overdue: (s: TicketStatus) =>
      mine(boardRows(db).where('t.status', '=', s).where('t.promised_date', '<', clock.today)).orderBy(
        't.promised_date',
      ),
    stalled: (s: TicketStatus) =>
      mine(boardRows(db).where('t.status', '=', s).where('t.activity_at', '<', clock.stalledBefore)).orderBy(
        't.activity_at',
      ),
    unassigned: (s: TicketStatus) =>
      boardRows(db)
        .where('t.assigned_to', 'is', null)
        .where('t.status', '=', s)
        .orderBy('t.priority', 'desc')
        .orderBy('t.promised_date'),
  };
  const order =
    input.view === 'stalled'
      ? (a: BoardRow, b: BoardRow) => a.activityAt - b.activityAt
      : input.view === 'overdue'
        ? (a: BoardRow, b: BoardRow) => a.promisedDate.localeCompare(b.promisedDate) || byUrgency(a, b)
        : byUrgency;
  const onlyWork = input.view === 'status' ? statuses : statuses.filter(isWork);
  const rows = await perStatus(onlyWork, views[input.view], input.limit, clock, order);
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
  const open = workStatuses.filter((s) => s !== 'awaiting_check');
  const byAssignee = (assignee: string | null) => (s: TicketStatus) =>
    boardRows(db)
      .where('t.assigned_to', assignee === null ? 'is' : '=', assignee)
      .where('t.status', '=', s)
      .orderBy('t.priority', 'desc')
      .orderBy('t.promised_date');
  const [mine, unassigned] = await Promise.all([
    perStatus(workStatuses, byAssignee(me), 200, clock, byUrgency),
    perStatus(open, byAssignee(null), 50, clock, byUrgency),
  ]);
  return { mine, unassigned };
}
