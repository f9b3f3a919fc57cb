import { sql } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { normalizePhone } from '../../../shared/phone';
import type { Ctx } from '../context';
import { toDevice } from '../devices/devices.repository';
import { localStore } from '../store/store.repository';
import { customerIdsByPhone, phonesOf } from './customers.repository';
import { findCustomerRowids } from './name-index';

/** As the clerk types a phone (full or last 4) or a name: matching customers with their devices. */
export async function findCustomers(
  ctx: Ctx,
  input: ParsedInputOf<'customers.find'>,
): Promise<OutputOf<'customers.find'>> {
  const store = await localStore(ctx);
  const db = ctx.core.db;
  const digits = normalizePhone(input.query);
  const isPhone = /^[\d\s+-]+$/.test(input.query) && (digits.length === 4 || digits.length >= 7);
  const ids = isPhone
    ? await customerIdsByPhone(db, store.id, digits, 10)
    : (
        await db
          .selectFrom('customers')
          .select('id')
          .where(
            sql<number>`rowid`,
            'in',
            await findCustomerRowids(db, input.query, 10).then((r) => (r.length ? r : [-1])),
          )
          .where('store_id', '=', store.id)
          .execute()
      ).map((row) => row.id);
  if (ids.length === 0) return [];
  const [customers, phones, devices] = await Promise.all([
    db.selectFrom('customers').selectAll().where('id', 'in', ids).execute(),
    phonesOf(db, ids),
    db
      .selectFrom('devices')
      .selectAll()
      .where('customer_id', 'in', ids)
      .orderBy('updated_at', 'desc')
      .execute(),
  ]);
  return customers.map((customer) => ({
    id: customer.id,
    name: customer.name,
    phones: phones.get(customer.id) ?? [],
    address: customer.address,
    notes: customer.notes,
    devices: devices.filter((device) => device.customer_id === customer.id).map(toDevice),
  }));
}
