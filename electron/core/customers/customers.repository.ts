import { sql } from 'kysely';
import type { OutputOf } from '../../../shared/contract';
import type { CustomersTable, Executor } from '../db/schema';

export type CustomerView = OutputOf<'customers.find'>[number];
export type CustomerRow = CustomersTable & { rowid: number };

export const findCustomer = (db: Executor, id: string) =>
  db
    .selectFrom('customers')
    .select(sql<number>`rowid`.as('rowid'))
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst() as Promise<CustomerRow | undefined>;

/** The customer owning any of these phones, with the phones that belong to someone else. */
export async function ownersOfPhones(db: Executor, storeId: string, phones: string[]) {
  if (phones.length === 0) return [];
  return db
    .selectFrom('customer_phones')
    .select(['phone', 'customer_id'])
    .where('store_id', '=', storeId)
    .where('phone', 'in', phones)
    .execute();
}

export async function phonesOf(db: Executor, customerIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (customerIds.length === 0) return result;
  const rows = await db
    .selectFrom('customer_phones')
    .select(['customer_id', 'phone'])
    .where('customer_id', 'in', customerIds)
    .orderBy('phone')
    .execute();
  for (const row of rows) result.set(row.customer_id, [...(result.get(row.customer_id) ?? []), row.phone]);
  return result;
}

/** Customer ids by phone: a full number (exact) or its last 4 digits. */
export async function customerIdsByPhone(db: Executor, storeId: string, digits: string, limit: number) {
  const query = db.selectFrom('customer_phones').select('customer_id').where('store_id', '=', storeId);
  const rows = await (
    digits.length === 4 ? query.where('tail', '=', digits) : query.where('phone', '=', digits)
  )
    .limit(limit)
    .execute();
  return [...new Set(rows.map((row) => row.customer_id))];
}
