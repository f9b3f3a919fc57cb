import type { OutputOf } from '../../../shared/contract';
import type { Ctx } from '../context';
import { latestSchemaVersion } from '../db/migrations';

export async function systemStatus(ctx: Ctx): Promise<OutputOf<'system.status'>> {
  const { core } = ctx;
  const store = core.storeId
    ? await core.db
        .selectFrom('stores')
        .select(['name', 'time_zone'])
        .where('id', '=', core.storeId)
        .executeTakeFirst()
    : undefined;
  return {
    appVersion: core.options.appVersion,
    schemaVersion: latestSchemaVersion,
    setUp: core.storeId !== null,
    storeName: store?.name ?? null,
    timeZone: store?.time_zone ?? null,
    language: core.settings.language,
  };
}
