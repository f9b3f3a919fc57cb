import { sql } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { calendarDateIn } from '../../../shared/dates';
import { normalizePhone } from '../../../shared/phone';
import type { Ctx } from '../context';
import { customerIdsByPhone } from '../customers/customers.repository';
import { findCustomerRowids } from '../customers/name-index';
import { localStore } from '../store/store.repository';
import { ticketRows, toTicketRow } from './ticket.repository';
import { ticketNumberPattern } from '../../../shared/ticket-number';

const limit = 20;

/**
 * One box finds tickets by ticket number, phone (full or last 4), customer name (Chinese or Latin
 * substring), serial/IMEI or model prefix. Each kind of query uses its own index; none scans.
 */
export async function searchTickets(
  ctx: Ctx,
  input: ParsedInputOf<'tickets.search'>,
): Promise<OutputOf<'tickets.search'>> {
  const store = await localStore(ctx);
  const db = ctx.core.db;
  const query = input.query;
  const upper = query.toUpperCase();
  const base = () => ticketRows(db).where('t.store_id', '=', store.id);
  const found: Awaited<ReturnType<ReturnType<typeof base>['execute']>> = [];

  if (ticketNumberPattern.test(upper)) {
    found.push(...(await base().where('t.ticket_no', '=', upper).execute()));
  }
  const digits = normalizePhone(query);
  if (/^\+?\d+$/.test(query.replace(/[\s-]/g, '')) && (digits.length === 4 || digits.length >= 7)) {
    const customers = await customerIdsByPhone(db, store.id, digits, limit);
    if (customers.length > 0)
      found.push(
        ...(await base()
          .where('t.customer_id', 'in', customers)
          .orderBy('t.received_at', 'desc')
          .limit(limit)
          .execute()),
      );
  }
  if (/^[A-Z0-9\-/]{5,40}$/.test(upper)) {
    found.push(
      ...(await base().where('d.serial', '=', upper).orderBy('t.received_at', 'desc').limit(limit).execute()),
    );
  }
  if (/\p{L}/u.test(query)) {
    const rowids = await findCustomerRowids(db, query, limit);
    if (rowids.length > 0) {
      const ids = await db
        .selectFrom('customers')
        .select('id')
        .where(sql<number>`rowid`, 'in', rowids)
        .execute();
      found.push(
        ...(await base()
          .where(
            't.customer_id',
            'in',
            ids.map((c) => c.id),
          )
          .orderBy('t.received_at', 'desc')
          .limit(limit)
          .execute()),
      );
    }
    if (found.length < limit) {
      const models = await base()
        .where('d.model', 'like', `${query.replace(/[%_]/g, '')}%`)
        .orderBy('t.received_at', 'desc')
        .limit(limit)
        .execute();
      found.push(...models);
    }
  }
  const today = calendarDateIn(ctx.core.now(), store.time_zone);
  const seen = new Set<string>();
  return found
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, limit)
    .map((row) => toTicketRow(row, today));
}
