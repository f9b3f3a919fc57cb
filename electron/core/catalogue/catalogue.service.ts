import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import { recordChange } from '../changes';
import type { Ctx } from '../context';
import { refuseIfCatalogueFromHeadquarters } from '../sync/master-apply';
import { categoryRow, findPolicy, listCategories } from './catalogue.repository';

export async function getCatalogue(ctx: Ctx): Promise<OutputOf<'catalogue.get'>> {
  const [categories, policies] = await Promise.all([
    listCategories(ctx.core.db),
    ctx.core.db.selectFrom('warranty_policies').select('policy').orderBy('id').execute(),
  ]);
  return { categories, policies: policies.map((row) => JSON.parse(row.policy) as { id: string }) };
}

/** An admin adds or edits a category: its required fields, checklist, accessories and fault codes. */
export async function saveCategory(ctx: Ctx, input: ParsedInputOf<'catalogue.saveCategory'>) {
  if (!(await findPolicy(ctx.core.db, input.warrantyPolicyId))) {
    failWith('invalid_input', 'Unknown warranty policy', { fields: { warrantyPolicyId: 'unknown_key' } });
  }
  return ctx.core.db.transaction().execute(async (trx) => {
    await refuseIfCatalogueFromHeadquarters(trx);
    const existing = await trx
      .selectFrom('categories')
      .select('sort')
      .where('id', '=', input.id)
      .executeTakeFirst();
    const count = await trx
      .selectFrom('categories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const row = categoryRow(input, existing?.sort ?? Number(count.n), ctx.core.now());
    await trx
      .insertInto('categories')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await recordChange(trx, ctx, {
      action: 'catalogue.saveCategory',
      entity: 'categories',
      entityId: input.id,
      row,
    });
    return input;
  });
}

/** Brands of a category, or models of a brand, starting with what the clerk typed; most used first. */
export async function suggest(ctx: Ctx, input: ParsedInputOf<'catalogue.suggest'>): Promise<string[]> {
  const prefix = `${input.prefix.replace(/[%_]/g, '')}%`;
  const base = ctx.core.db.selectFrom('device_models').where('category_id', '=', input.categoryId);
  if (input.brand === undefined) {
    const rows = await base
      .select(['brand', (eb) => eb.fn.sum<number>('uses').as('uses')])
      .where('brand', 'like', prefix)
      .groupBy('brand')
      .orderBy('uses', 'desc')
      .limit(10)
      .execute();
    return rows.map((row) => row.brand);
  }
  const rows = await base
    .select('model')
    .where('brand', '=', input.brand)
    .where('model', 'like', prefix)
    .orderBy('uses', 'desc')
    .limit(10)
    .execute();
  return rows.map((row) => row.model);
}
