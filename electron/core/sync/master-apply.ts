import { sql } from 'kysely';
import type { Category } from '../../../shared/catalogue';
import { failWith } from '../../../shared/result';
import { parseMaster, type MasterEntity } from '../../../shared/master-data';
import type { z } from 'zod';
import type { priceListSchema, staffMasterSchema, warrantyPolicySchema } from '../../../shared/master-data';
import { queueSync } from '../changes';
import type { Ctx } from '../context';
import type { Executor, Tx } from '../db/schema';
import { categoryRow } from '../catalogue/catalogue.repository';
import { writeSettings } from '../settings/settings.repository';

/**
 * How each kind of master data lands in the counter's own tables, and what a delete means there.
 * Rows that tickets refer to are never removed: a deleted category or staff member is made
 * inactive, a warranty policy still named by a category stays until that category goes.
 */
type Applier = {
  upsert: (trx: Tx, ctx: Ctx, payload: unknown) => Promise<void>;
  remove: (trx: Tx, ctx: Ctx, id: string) => Promise<void>;
};

const storeIdOf = (ctx: Ctx) => {
  if (!ctx.core.storeId) throw new Error('master data before the store exists');
  return ctx.core.storeId;
};

/** A deleted row that tickets may name stays, inactive. */
async function deactivate(trx: Tx, ctx: Ctx, table: 'categories' | 'staff', id: string): Promise<void> {
  await trx.updateTable(table).set({ active: 0, updated_at: ctx.core.now() }).where('id', '=', id).execute();
}

const warrantyPolicies: Applier = {
  async upsert(trx, ctx, payload) {
    const policy = payload as z.infer<typeof warrantyPolicySchema>;
    const row = { id: policy.id, policy: JSON.stringify(policy), updated_at: ctx.core.now() };
    await trx
      .insertInto('warranty_policies')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  },
  async remove(trx, _ctx, id) {
    const named = await trx
      .selectFrom('categories')
      .select('id')
      .where('warranty_policy_id', '=', id)
      .executeTakeFirst();
    if (!named) await trx.deleteFrom('warranty_policies').where('id', '=', id).execute();
  },
};

const categories: Applier = {
  async upsert(trx, ctx, payload) {
    const category = payload as Category;
    const existing = await trx
      .selectFrom('categories')
      .select('sort')
      .where('id', '=', category.id)
      .executeTakeFirst();
    const { n } = await trx
      .selectFrom('categories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const row = categoryRow(category, existing?.sort ?? Number(n), ctx.core.now());
    await trx
      .insertInto('categories')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  },
  remove: (trx, ctx, id) => deactivate(trx, ctx, 'categories', id),
};

const staff: Applier = {
  async upsert(trx, ctx, payload) {
    const member = payload as z.infer<typeof staffMasterSchema>;
    const now = ctx.core.now();
    const changes = {
      name: member.name,
      role: member.role,
      pin_hash: member.pinHash,
      active: member.active ? 1 : 0,
      updated_at: now,
    };
    await trx
      .insertInto('staff')
      .values({ id: member.id, store_id: storeIdOf(ctx), created_at: now, ...changes })
      .onConflict((oc) => oc.column('id').doUpdateSet(changes))
      .execute();
    ctx.core.sessions.endFor(member.id); // a new role, PIN or deactivation takes effect at once
  },
  async remove(trx, ctx, id) {
    await deactivate(trx, ctx, 'staff', id);
    ctx.core.sessions.endFor(id); // signed out at once, as a deactivation at the counter does
  },
};

/** The labour rate becomes the store's; listed SKUs take their price (and go to headquarters as parts rows). */
const priceLists: Applier = {
  async upsert(trx, ctx, payload) {
    const list = payload as z.infer<typeof priceListSchema>;
    const now = ctx.core.now();
    if (list.labourRatePerHourFen !== undefined) {
      await writeSettings(trx, { labourRatePerHourFen: list.labourRatePerHourFen }, now, null);
    }
    for (const [sku, priceFen] of Object.entries(list.parts)) {
      const changed = await trx
        .updateTable('parts')
        .set({ price_fen: priceFen, updated_at: now })
        .where('store_id', '=', storeIdOf(ctx))
        .where('sku', '=', sku)
        .where('price_fen', '!=', priceFen)
        .returningAll()
        .executeTakeFirst();
      if (changed) await queueSync(trx, ctx, 'parts', changed.id, changed);
    }
  },
  // Prices already charged stay; a store keeps the last prices it was given.
  remove: async () => undefined,
};

const receiptTerms: Applier = {
  async upsert(trx, ctx, payload) {
    const { text } = payload as { text: string };
    await writeSettings(trx, { receiptTerms: text }, ctx.core.now(), null);
  },
  async remove(trx, ctx) {
    await writeSettings(trx, { receiptTerms: '' }, ctx.core.now(), null);
  },
};

const appliers: Record<MasterEntity, Applier> = {
  warranty_policies: warrantyPolicies,
  categories,
  staff,
  price_lists: priceLists,
  receipt_terms: receiptTerms,
};

/** Applies one row of the feed inside the caller's transaction, and remembers it as headquarters'. */
export async function applyMasterRow(
  trx: Tx,
  ctx: Ctx,
  row: { entity: MasterEntity; entityId: string; deleted: boolean; payload: unknown },
  generation: number,
): Promise<void> {
  if (row.deleted) {
    await appliers[row.entity].remove(trx, ctx, row.entityId);
    await trx
      .deleteFrom('hq_master')
      .where('entity', '=', row.entity)
      .where('entity_id', '=', row.entityId)
      .execute();
    return;
  }
  const payload = parseMaster(row.entity, row.entityId, row.payload);
  await appliers[row.entity].upsert(trx, ctx, payload);
  const stored = { payload: JSON.stringify(payload), generation };
  await trx
    .insertInto('hq_master')
    .values({ entity: row.entity, entity_id: row.entityId, ...stored })
    .onConflict((oc) => oc.columns(['entity', 'entity_id']).doUpdateSet(stored))
    .execute();
}

/**
 * The end of a full download, when headquarters publishes a catalogue: it is the whole catalogue.
 * Categories the store had of its own (its first-run defaults) that headquarters does not publish
 * are made inactive, as if headquarters had deleted them.
 */
export async function retireLocalCategories(trx: Tx, ctx: Ctx): Promise<number> {
  const published = trx.selectFrom('hq_master').select('entity_id').where('entity', '=', 'categories');
  const any = await published.executeTakeFirst();
  if (!any) return 0;
  const result = await trx
    .updateTable('categories')
    .set({ active: 0, updated_at: ctx.core.now() })
    .where('active', '=', 1)
    .where('id', 'not in', published)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The end of a full download: what headquarters no longer has goes, as a tombstone would take it. */
export async function removeUnseen(trx: Tx, ctx: Ctx, generation: number): Promise<number> {
  const unseen = await trx
    .selectFrom('hq_master')
    .select(['entity', 'entity_id'])
    .where('generation', '<', generation)
    .execute();
  for (const row of unseen) {
    await applyMasterRow(
      trx,
      ctx,
      { entity: row.entity as MasterEntity, entityId: row.entity_id, deleted: true, payload: null },
      generation,
    );
  }
  return unseen.length;
}

/**
 * Rows headquarters publishes have one writer, headquarters: the counter refuses to edit them (the
 * next pull would undo the edit, and headquarters would quarantine it). Rows the store made itself
 * before or after enrolling stay the store's to edit.
 */
export async function refuseIfHeadquarters(
  db: Executor,
  entity: MasterEntity,
  id: string,
  field: string,
): Promise<void> {
  const row = await db
    .selectFrom('hq_master')
    .select('entity')
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .executeTakeFirst();
  if (row)
    failWith('forbidden', `Headquarters manages ${entity} ${id}`, { fields: { [field]: 'managed_by_hq' } });
}

/** Once headquarters publishes categories, the catalogue is its own: no category is made here. */
export async function refuseIfCatalogueFromHeadquarters(db: Executor): Promise<void> {
  const row = await db
    .selectFrom('hq_master')
    .select('entity_id')
    .where('entity', '=', 'categories')
    .executeTakeFirst();
  if (row) failWith('forbidden', 'Headquarters manages the catalogue', { fields: { id: 'managed_by_hq' } });
}

/** The labour rate is headquarters' once a price list it published sets one. */
export async function refuseLabourRateIfHeadquarters(db: Executor): Promise<void> {
  const row = await db
    .selectFrom('hq_master')
    .select('entity_id')
    .where('entity', '=', 'price_lists')
    .where(sql<unknown>`json_extract(payload, '$.labourRatePerHourFen')`, 'is not', null)
    .executeTakeFirst();
  if (row) {
    failWith('forbidden', 'Headquarters sets the labour rate', {
      fields: { labourRatePerHourFen: 'managed_by_hq' },
    });
  }
}
