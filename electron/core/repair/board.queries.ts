import { sql } from 'kysely';
import type { BoardRow } from '../../../shared/contract-repair';
import { calendarDateIn, daysBetween } from '../../../shared/dates';
import { isWorkStatus, type TicketStatus } from '../../../shared/ticket-status';
import type { Executor } from '../db/schema';
import { deviceName } from '../devices/devices.repository';

/*
 * The board pages in two steps: the keys of a page come from an index alone (tickets_board
 * (status, priority DESC, promised_date), tickets_status (status, promised_date), tickets_activity
 * (status, activity_at), tickets_assignee (assigned_to, status, priority DESC, promised_date)), one
 * status at a time, merged here; only the page's own rows are then joined to customers, devices and
 * staff. Joining first and cutting later read and joined every candidate of every status.
 *
 * The queries leave `store_id` out: the tickets table holds only this store's tickets (sync ships
 * them out and brings back master data only).
 */

/** A ticket's place in a board order: its rowid and the columns it is sorted by. */
export type Key = {
  rid: number;
  priority?: 'normal' | 'urgent';
  promised_date?: string;
  activity_at?: number | null;
};

export const keys = (db: Executor) => db.selectFrom('tickets').select(sql<number>`rowid`.as('rid'));

/** Urgent first, then the earliest due date: the order work is taken in. */
export const byUrgency = (a: Key, b: Key): number =>
  Number(b.priority === 'urgent') - Number(a.priority === 'urgent') ||
  (a.promised_date ?? '').localeCompare(b.promised_date ?? '') ||
  a.rid - b.rid;

export const byDueDate = (a: Key, b: Key): number =>
  (a.promised_date ?? '').localeCompare(b.promised_date ?? '') || byUrgency(a, b);

export const byQuietest = (a: Key, b: Key): number =>
  (a.activity_at ?? 0) - (b.activity_at ?? 0) || a.rid - b.rid;

const boardRows = (db: Executor) =>
  db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .leftJoin('staff as s', 's.id', 't.assigned_to')
    .select([
      sql<number>`t.rowid`.as('rid'),
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

/** The store's calendar and the cut-offs the flags are judged by. */
export type Clock = { today: string; timeZone: string; stalledBefore: number };

function toRow(raw: Raw, clock: Clock): BoardRow {
  const since = raw.status_at ?? raw.received_at;
  const active = raw.activity_at ?? since;
  const work = isWorkStatus(raw.status);
  return {
    id: raw.id,
    ticketNo: raw.ticket_no,
    status: raw.status as TicketStatus,
    priority: raw.priority,
    serviceType: raw.service_type,
    customerName: raw.customer_name,
    device: deviceName(raw.brand, raw.model),
    reportedFault: raw.reported_fault,
    promisedDate: raw.promised_date,
    assignedTo: raw.assigned_to ? { id: raw.assigned_to, name: raw.assignee_name ?? '' } : null,
    statusAt: since,
    activityAt: active,
    daysInStage: Math.max(0, daysBetween(calendarDateIn(since, clock.timeZone), clock.today)),
    overdue: work && raw.promised_date < clock.today,
    stalled: work && active < clock.stalledBefore,
    version: raw.version,
  };
}

/** The first `limit` keys of several index pages in `order`, then their rows, in that order. */
export async function pageOf(
  db: Executor,
  pages: Promise<Key[]>[],
  order: (a: Key, b: Key) => number,
  limit: number,
  clock: Clock,
): Promise<BoardRow[]> {
  const page = (await Promise.all(pages)).flat().sort(order).slice(0, limit);
  if (page.length === 0) return [];
  const rows = await boardRows(db)
    .where(
      sql<number>`t.rowid`,
      'in',
      page.map((key) => key.rid),
    )
    .execute();
  const byRid = new Map(rows.map((row) => [row.rid, row]));
  return page.flatMap((key) => {
    const row = byRid.get(key.rid);
    return row ? [toRow(row, clock)] : [];
  });
}
