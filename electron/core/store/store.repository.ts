import type { OutputOf } from '../../../shared/contract';
import type { Executor, StoresTable } from '../db/schema';

export type Store = OutputOf<'store.get'>;

export const toStore = (row: StoresTable): Store => ({
  id: row.id,
  code: row.code,
  name: row.name,
  address: row.address,
  phone: row.phone,
  timeZone: row.time_zone,
  currency: row.currency,
});

export const findStore = (db: Executor, id: string) =>
  db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();
