import { failWith } from '../../../shared/result';
import { ticketNumberPattern } from '../../../shared/ticket-number';
import type { Executor } from '../db/schema';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ticket a movement or a scan names, by id or by the number on its receipt or card. A code that
 * is neither is an unknown barcode; a well-formed number this store never issued is not found.
 */
export async function findTicketRef(db: Executor, storeId: string, ref: string) {
  const code = ref.trim().toUpperCase();
  const byId = uuidPattern.test(code);
  if (!byId && !ticketNumberPattern.test(code)) {
    return failWith('unknown_code', `Not a ticket barcode: ${code.slice(0, 40)}`, {
      fields: { code: 'unknown_code' },
    });
  }
  const ticket = await db
    .selectFrom('tickets')
    .select(['id', 'ticket_no', 'device_id', 'status', 'outcome', 'received_at'])
    .where(byId ? 'id' : 'ticket_no', '=', byId ? code.toLowerCase() : code)
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  return ticket ?? failWith('not_found', `No ticket ${code.slice(0, 40)} at this store`);
}
