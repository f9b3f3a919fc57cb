import type { ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import { recordChange } from '../changes';
import type { Ctx } from '../context';
import { findStore, toStore, type Store } from './store.repository';

const localStoreId = (ctx: Ctx): string =>
  ctx.core.storeId ?? failWith('not_set_up', 'This counter has not been set up yet');

export async function getStore(ctx: Ctx): Promise<Store> {
  const row = await findStore(ctx.core.db, localStoreId(ctx));
  return row ? toStore(row) : failWith('not_found', 'Store not found');
}

export async function updateStore(ctx: Ctx, input: ParsedInputOf<'store.update'>): Promise<Store> {
  const id = localStoreId(ctx);
  return ctx.core.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('stores')
      .set({
        name: input.name,
        address: input.address,
        phone: input.phone,
        time_zone: input.timeZone,
        currency: input.currency,
        updated_at: ctx.core.now(),
      })
      .where('id', '=', id)
      .execute();
    const row = await findStore(trx, id);
    if (!row) return failWith('not_found', 'Store not found');
    await recordChange(trx, ctx, { action: 'store.update', entity: 'stores', entityId: id, row });
    return toStore(row);
  });
}
