import { deviceName } from '../devices/devices.repository';
import type { OutputOf } from '../../../shared/contract';
import type { CustodyPlace, MovementDetails } from '../../../shared/custody';
import type { Executor } from '../db/schema';

type LedgerRow = OutputOf<'goods.register'>['rows'][number];

/** How lists name a device: brand and model, whichever are known. */
/** One ticket's entries, or a store's entries in a time range `[fromAt, toAt)`. */
export type LedgerFilter = { ticketId: string } | { storeId: string; fromAt: number; toAt: number };

/** Ledger entries with who made them and the ticket, customer and device they moved, oldest first. */
export async function ledgerRows(db: Executor, filter: LedgerFilter, limit = 10_000): Promise<LedgerRow[]> {
  let query = db
    .selectFrom('custody_movements as m')
    .innerJoin('tickets as t', 't.id', 'm.ticket_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('devices as d', 'd.id', 'm.device_id')
    .leftJoin('staff as s', 's.id', 'm.staff_id')
    .select([
      'm.id',
      'm.seq',
      'm.at',
      'm.kind',
      'm.location',
      'm.details',
      'm.reverses',
      'm.note',
      's.name as staff_name',
      't.id as ticket_id',
      't.ticket_no',
      'c.name as customer_name',
      'd.brand',
      'd.model',
    ]);
  query =
    'ticketId' in filter
      ? query.where('m.ticket_id', '=', filter.ticketId)
      : query
          .where('m.store_id', '=', filter.storeId)
          .where('m.at', '>=', filter.fromAt)
          .where('m.at', '<', filter.toAt);
  const rows = await query.orderBy('m.at').orderBy('m.seq').limit(limit).execute();
  return rows.map((row) => ({
    entryId: row.id,
    seq: row.seq,
    at: row.at,
    kind: row.kind,
    location: row.location,
    details: JSON.parse(row.details) as MovementDetails,
    reverses: row.reverses,
    note: row.note,
    staffName: row.staff_name ?? '',
    ticketId: row.ticket_id,
    ticketNo: row.ticket_no,
    customerName: row.customer_name,
    device: deviceName(row.brand, row.model),
  }));
}

export type GoodsFilter = {
  storeId: string;
  place: CustodyPlace;
  location?: string;
  /** Only devices at their stage since before this instant. */
  sinceBefore?: number;
  /** Only devices received before this instant. */
  receivedBefore?: number;
  after?: { location: string; since: number; ticketId: string };
  limit: number;
};

/**
 * A page of the devices in one place, by location and then longest there first, continuing after
 * the cursor: the list walks the custody_state index from where the last page ended, however many
 * devices a big store holds.
 */
export async function devicesIn(db: Executor, filter: GoodsFilter) {
  let query = db
    .selectFrom('custody_state as k')
    .innerJoin('tickets as t', 't.id', 'k.ticket_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('devices as d', 'd.id', 'k.device_id')
    .select([
      'k.ticket_id',
      'k.place',
      'k.location',
      'k.since',
      'k.details',
      'k.received_at',
      't.ticket_no',
      't.status',
      'c.name as customer_name',
      'd.brand',
      'd.model',
    ])
    .where('k.store_id', '=', filter.storeId)
    .where('k.place', '=', filter.place);
  if (filter.location !== undefined) query = query.where('k.location', '=', filter.location);
  if (filter.sinceBefore !== undefined) query = query.where('k.since', '<', filter.sinceBefore);
  if (filter.receivedBefore !== undefined) query = query.where('k.received_at', '<', filter.receivedBefore);
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('k.location', 'k.since', 'k.ticket_id'),
        '>',
        eb.tuple(after.location, after.since, after.ticketId),
      ),
    );
  }
  const rows = await query
    .orderBy('k.location')
    .orderBy('k.since')
    .orderBy('k.ticket_id')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    ticketId: row.ticket_id,
    ticketNo: row.ticket_no,
    status: row.status,
    customerName: row.customer_name,
    device: deviceName(row.brand, row.model),
    place: row.place,
    location: row.location,
    since: row.since,
    receivedAt: row.received_at,
    details: JSON.parse(row.details) as MovementDetails,
  }));
}

/** How many devices each location holds, and since when the oldest: read from the index alone. */
export const countsByLocation = (db: Executor, storeId: string, place: CustodyPlace) =>
  db
    .selectFrom('custody_state')
    .select((eb) => [
      'location',
      eb.fn.countAll<number>().as('count'),
      eb.fn.min<number>('since').as('oldestSince'),
    ])
    .where('store_id', '=', storeId)
    .where('place', '=', place)
    .groupBy('location')
    .orderBy('location')
    .execute();
