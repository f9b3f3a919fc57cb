import { newId } from '../../../shared/ids';
import type { PaymentsTable, Tx } from '../db/schema';

/**
 * Appends a payment (append-only, enforced by triggers). The idempotency key is unique: a retry of
 * the same request finds the row it already wrote instead of paying twice.
 */
export async function recordPayment(trx: Tx, payment: Omit<PaymentsTable, 'id'>): Promise<PaymentsTable> {
  const existing = await trx
    .selectFrom('payments')
    .selectAll()
    .where('idempotency_key', '=', payment.idempotency_key)
    .executeTakeFirst();
  if (existing) return existing;
  const row = { ...payment, id: newId() };
  await trx.insertInto('payments').values(row).execute();
  return row;
}
