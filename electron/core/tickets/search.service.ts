import { sql } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { calendarDateIn } from '../../../shared/dates';
import { normalizePhone } from '../../../shared/phone';
import { ticketNumberPattern } from '../../../shared/ticket-number';
import type { Ctx } from '../context';
import { customerIdsByPhone } from '../customers/customers.repository';
import { findCustomerRowids } from '../customers/name-index';
import type { Executor } from '../db/schema';
import { localStore } from '../store/store.repository';
import { ticketRows, toTicketRow } from './ticket.repository';

const limit = 20;
/** Model prefixes can match thousands of devices; the newest tickets of the first few hundred do. */
const modelCandidates = 200;

type Row = Awaited<ReturnType<ReturnType<typeof ticketRows>['execute']>>[number];

/**
 * One box finds tickets by ticket number, phone (full or last 4), customer name (Chinese or Latin
 * substring), serial/IMEI or model prefix. The query's shape decides which lookups run, and each
 * goes through its own index: customers and devices are found first (their lookups carry the
 * store), then their tickets. No lookup scans the tickets.
 */
export async function searchTickets(
  ctx: Ctx,
  input: ParsedInputOf<'tickets.search'>,
): Promise<OutputOf<'tickets.search'>> {
  const store = await localStore(ctx);
  const db = ctx.core.db;
  const query = input.query;
  const upper = query.toUpperCase();
  const found: Row[] = [];

  if (ticketNumberPattern.test(upper)) {
    found.push(...(await ticketRows(db).where('t.ticket_no', '=', upper).execute()));
  } else if (/^[+\d\s-]+$/.test(query)) {
    const digits = normalizePhone(query);
    if (digits.length === 4 || digits.length >= 7) {
      found.push(...(await ticketsOf(db, 'customer', await customerIdsByPhone(db, store.id, digits, limit))));
    }
    if (digits.length >= 8)
      found.push(...(await ticketsOf(db, 'device', await devicesBySerial(db, store.id, upper))));
  } else {
    if (/^[A-Z0-9\-/]{5,40}$/.test(upper) && /\d/.test(upper)) {
      found.push(...(await ticketsOf(db, 'device', await devicesBySerial(db, store.id, upper))));
    }
    if (/\p{L}/u.test(query)) {
      const rowids = await findCustomerRowids(db, query, limit);
      const customers = rowids.length
        ? await db
            .selectFrom('customers')
            .select('id')
            .where(sql<number>`rowid`, 'in', rowids)
            .where('store_id', '=', store.id)
            .execute()
        : [];
      found.push(
        ...(await ticketsOf(
          db,
          'customer',
          customers.map((c) => c.id),
        )),
      );
      if (found.length < limit)
        found.push(...(await ticketsOf(db, 'device', await devicesByModel(db, store.id, query))));
    }
  }
  const today = calendarDateIn(ctx.core.now(), store.time_zone);
  const seen = new Set<string>();
  return found
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, limit)
    .map((row) => toTicketRow(row, today));
}

/** The newest tickets of these customers or devices (each side has its own index on tickets). */
function ticketsOf(db: Executor, by: 'customer' | 'device', ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return ticketRows(db)
    .where(by === 'customer' ? 't.customer_id' : 't.device_id', 'in', ids)
    .orderBy('t.received_at', 'desc')
    .limit(limit)
    .execute();
}

async function devicesBySerial(db: Executor, storeId: string, serial: string): Promise<string[]> {
  const rows = await db
    .selectFrom('devices')
    .select('id')
    .where('store_id', '=', storeId)
    .where('serial', '=', serial)
    .execute();
  return rows.map((row) => row.id);
}

async function devicesByModel(db: Executor, storeId: string, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('devices')
    .select('id')
    .where('model', 'like', `${prefix.replace(/[%_]/g, '')}%`)
    .where('store_id', '=', storeId)
    .orderBy('model')
    .limit(modelCandidates)
    .execute();
  return rows.map((row) => row.id);
}
