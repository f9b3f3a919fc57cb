import { sql } from 'kysely';
import type { Tx } from '../db/schema';

/**
 * The next ticket number of a store's business day: `SH01-261122-0007`. The day's counter is
 * incremented inside the caller's transaction, so two saves can never take the same number, and a
 * number is never handed out again once a ticket holds it.
 */
export async function nextTicketNumber(trx: Tx, storeId: string, storeCode: string, businessDate: string) {
  const row = await sql<{ last_seq: number }>`
    INSERT INTO ticket_sequences (store_id, business_date, last_seq) VALUES (${storeId}, ${businessDate}, 1)
    ON CONFLICT (store_id, business_date) DO UPDATE SET last_seq = last_seq + 1
    RETURNING last_seq`.execute(trx);
  const seq = row.rows[0]?.last_seq ?? 1;
  const yymmdd = businessDate.slice(2).replace(/-/g, '');
  return `${storeCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}
