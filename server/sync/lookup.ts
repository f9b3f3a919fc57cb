import { sql } from 'kysely';
import { maskName, maxLookupTickets, type LookupQuery, type LookupTicket } from '../../shared/lookup';
import { jsonNumber } from '../db/json-number';
import type { HqDatabase } from '../db/schema';
import type { AuthenticatedDevice } from '../stores';

type Found = {
  code: string;
  name: string;
  ticket: Record<string, unknown>;
  device: Record<string, unknown>;
  customer: Record<string, unknown>;
};

/**
 * Tickets of the customer (by any of their phones) or of the device (by serial) at every store but the
 * asking one, newest first. Read-only, from the rows stores have pushed.
 */
export async function lookUp(
  db: HqDatabase,
  device: AuthenticatedDevice,
  query: LookupQuery,
): Promise<LookupTicket[]> {
  const match =
    'phone' in query
      ? sql`c.payload -> 'phones' @> jsonb_build_array(${query.phone}::text)`
      : sql`lower(d.payload ->> 'serial') = lower(${query.serial})`;
  const { rows } = await sql<Found>`
    SELECT s.code, s.name, t.payload AS ticket, d.payload AS device, c.payload AS customer
    FROM hq_rows t
    JOIN hq_rows d ON d.store_id = t.store_id AND d.entity = 'devices' AND d.entity_id = t.payload ->> 'device_id'
    JOIN hq_rows c ON c.store_id = t.store_id AND c.entity = 'customers' AND c.entity_id = t.payload ->> 'customer_id'
    JOIN hq_stores s ON s.id = t.store_id
    WHERE t.entity = 'tickets' AND NOT t.deleted AND t.store_id <> ${device.hqStoreId} AND ${match}
    ORDER BY ${jsonNumber('t.payload', 'received_at')} DESC
    LIMIT ${maxLookupTickets}`.execute(db);
  return rows.map((row) => {
    const ticket = row.ticket as Record<string, string | number | null>;
    const found = row.device as Record<string, string | null>;
    return {
      storeCode: row.code,
      storeName: row.name,
      ticketNo: String(ticket.ticket_no),
      status: String(ticket.status),
      receivedAt: Number(ticket.received_at) || 0,
      collectedAt: ticket.collected_at === null ? null : Number(ticket.collected_at),
      categoryId: String(found.category_id),
      brand: found.brand ?? '',
      model: found.model ?? '',
      serial: found.serial ?? null,
      reportedFault: String(ticket.reported_fault),
      customer: maskName(String(row.customer.name)),
    };
  });
}
