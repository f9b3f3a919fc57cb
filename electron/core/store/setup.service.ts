import type { ParsedInputOf } from '../../../shared/contract';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { hashPin } from '../auth/pin';
import { recordChange } from '../changes';
import type { Ctx } from '../context';
import { defaultReceiptTerms } from '../settings/default-terms';
import { writeSettings } from '../settings/settings.repository';
import { findStore } from './store.repository';

/**
 * First run: creates this store and its first admin. Allowed exactly once, checked inside the
 * transaction so two setup screens racing cannot both succeed.
 */
export async function setUpStore(
  ctx: Ctx,
  input: ParsedInputOf<'setup.create'>,
): Promise<{ storeId: string; adminId: string }> {
  const { core } = ctx;
  const pinHash = await hashPin(input.admin.pin);
  try {
    return await core.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('meta')
        .select('value')
        .where('key', '=', 'local_store_id')
        .executeTakeFirst();
      if (existing) return failWith('already_set_up', 'This counter is already set up');
      const now = core.now();
      const storeId = newId();
      const adminId = newId();
      const { code, ...profile } = input.store;
      await trx
        .insertInto('stores')
        .values({
          id: storeId,
          code,
          name: profile.name,
          address: profile.address,
          phone: profile.phone,
          time_zone: profile.timeZone,
          currency: profile.currency,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx.insertInto('meta').values({ key: 'local_store_id', value: storeId }).execute();
      await trx
        .insertInto('staff')
        .values({
          id: adminId,
          store_id: storeId,
          name: input.admin.name,
          role: 'admin',
          pin_hash: pinHash,
          active: 1,
          language: input.language,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await writeSettings(
        trx,
        { language: input.language, receiptTerms: defaultReceiptTerms(input.language) },
        now,
        adminId,
      );
      core.storeId = storeId; // recordChange stamps rows with it; `finally` re-reads it either way
      const store = await findStore(trx, storeId);
      await recordChange(trx, ctx, {
        action: 'setup.create',
        entity: 'stores',
        entityId: storeId,
        row: store ?? {},
        details: { adminId },
      });
      return { storeId, adminId };
    });
  } finally {
    await core.reload();
  }
}
