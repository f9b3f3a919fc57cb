import type { OutputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import type { Ctx } from '../context';
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

/** This counter's store row; fails when the counter has not been set up. */
export async function localStore(ctx: Ctx): Promise<StoresTable> {
  const id = ctx.core.storeId ?? failWith('not_set_up', 'This counter has not been set up yet');
  return (await findStore(ctx.core.db, id)) ?? failWith('not_set_up', 'This counter has not been set up yet');
}
