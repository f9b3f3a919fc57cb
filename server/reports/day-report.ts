import { sql } from 'kysely';
import { paymentMethods } from '../../shared/catalogue';
import { finalStatuses } from '../../shared/ticket-status';
import { jsonNumber } from '../db/json-number';
import type { HqDatabase } from '../db/schema';

type Method = (typeof paymentMethods)[number];

/** One store's line on the chain's day report. */
export type StoreDay = {
  code: string;
  name: string;
  ticketsIn: number;
  collected: number;
  /** Net per method: deposits and payments less refunds, in fen. */
  takings: Record<Method, number>;
  takingsTotal: number;
  /** The standing close of the day (not reopened): its Z number and cash variance; null if none. */
  close: { zNo: number; varianceFen: number } | null;
  /** As of the store's latest push: received by the day and not finished, and of those past promise. */
  open: number;
  overdue: number;
  lastSyncAt: number | null;
};

export type DayReport = {
  date: string;
  stores: StoreDay[];
  totals: Omit<StoreDay, 'code' | 'name' | 'close' | 'lastSyncAt'> & { varianceFen: number; closed: number };
};

type Count = { store_id: string; n: number };

const byStore = <T extends { store_id: string }>(rows: T[]) =>
  new Map(rows.map((row) => [row.store_id, row]));

/**
 * The chain's day: every store, what came in and went out, the money per method, the close and its
 * variance, what is open and overdue. Read from the rows stores pushed, by their own business day.
 */
export async function dayReport(db: HqDatabase, date: string): Promise<DayReport> {
  const day = sql`payload ->> 'business_date' = ${date}`;
  const final = sql.join(finalStatuses.map((status) => sql`${status}`));
  const [stores, ticketsIn, collected, payments, closes, open, seen] = await Promise.all([
    db.selectFrom('hq_stores').select(['id', 'code', 'name']).orderBy('code').execute(),
    sql<Count>`SELECT store_id, count(*)::int AS n FROM hq_rows
      WHERE entity = 'tickets' AND ${day} GROUP BY store_id`.execute(db),
    sql<Count>`SELECT store_id, count(*)::int AS n FROM hq_rows
      WHERE entity = 'pickups' AND ${day} GROUP BY store_id`.execute(db),
    sql<{ store_id: string; method: Method; net: number }>`
      SELECT store_id, payload ->> 'method' AS method,
        sum(CASE WHEN payload ->> 'kind' = 'refund' THEN -1 ELSE 1 END * ${jsonNumber('payload', 'amount_fen')})::bigint AS net
      FROM hq_rows WHERE entity = 'payments' AND ${day} GROUP BY store_id, payload ->> 'method'`.execute(db),
    sql<{ store_id: string; z_no: number; variance_fen: number }>`
      SELECT DISTINCT ON (c.store_id) c.store_id, ${jsonNumber('c.payload', 'z_no')}::int AS z_no,
        ${jsonNumber('c.payload', 'variance_fen')}::bigint AS variance_fen
      FROM hq_rows c
      WHERE c.entity = 'day_closes' AND c.payload ->> 'business_date' = ${date}
        AND NOT EXISTS (SELECT 1 FROM hq_rows r WHERE r.store_id = c.store_id AND r.entity = 'day_reopens'
          AND r.payload ->> 'close_id' = c.entity_id)
      ORDER BY c.store_id, ${jsonNumber('c.payload', 'at')} DESC`.execute(db),
    sql<{ store_id: string; open: number; overdue: number }>`
      SELECT store_id, count(*)::int AS open,
        count(*) FILTER (WHERE payload ->> 'promised_date' < ${date})::int AS overdue
      FROM hq_rows
      WHERE entity = 'tickets' AND payload ->> 'business_date' <= ${date} AND payload ->> 'status' NOT IN (${final})
      GROUP BY store_id`.execute(db),
    // The last push headquarters applied for the store, not merely its last request.
    db
      .selectFrom('hq_positions as p')
      .innerJoin('hq_devices as d', 'd.id', 'p.device_id')
      .select(['d.store_id', (eb) => eb.fn.max('p.updated_at').as('at')])
      .groupBy('d.store_id')
      .execute(),
  ]);
  const [inBy, outBy, closeBy, openBy] = [
    byStore(ticketsIn.rows),
    byStore(collected.rows),
    byStore(closes.rows),
    byStore(open.rows),
  ];
  const seenBy = new Map(seen.map((row) => [row.store_id, row.at === null ? null : Number(row.at)]));
  const lines = stores.map((store): StoreDay => {
    const takings = Object.fromEntries(paymentMethods.map((method) => [method, 0])) as Record<Method, number>;
    for (const row of payments.rows) if (row.store_id === store.id) takings[row.method] = Number(row.net);
    const close = closeBy.get(store.id);
    return {
      code: store.code,
      name: store.name,
      ticketsIn: inBy.get(store.id)?.n ?? 0,
      collected: outBy.get(store.id)?.n ?? 0,
      takings,
      takingsTotal: Object.values(takings).reduce((sum, fen) => sum + fen, 0),
      close: close ? { zNo: close.z_no, varianceFen: Number(close.variance_fen) } : null,
      open: openBy.get(store.id)?.open ?? 0,
      overdue: openBy.get(store.id)?.overdue ?? 0,
      lastSyncAt: seenBy.get(store.id) ?? null,
    };
  });
  const sum = (pick: (line: StoreDay) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    date,
    stores: lines,
    totals: {
      ticketsIn: sum((line) => line.ticketsIn),
      collected: sum((line) => line.collected),
      takings: Object.fromEntries(paymentMethods.map((m) => [m, sum((line) => line.takings[m])])) as Record<
        Method,
        number
      >,
      takingsTotal: sum((line) => line.takingsTotal),
      varianceFen: sum((line) => line.close?.varianceFen ?? 0),
      closed: lines.filter((line) => line.close).length,
      open: sum((line) => line.open),
      overdue: sum((line) => line.overdue),
    },
  };
}
