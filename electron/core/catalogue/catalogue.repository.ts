import type { Category } from '../../../shared/catalogue';
import type { WarrantyPolicy } from '../../../shared/warranty';
import { defaultWarrantyPolicies } from '../../../shared/warranty-policies';
import type { CategoriesTable, Executor } from '../db/schema';
import { defaultCategories } from './default-catalogue';

export const toCategory = (row: CategoriesTable): Category => ({
  id: row.id,
  nameZh: row.name_zh,
  nameEn: row.name_en,
  warrantyPolicyId: row.warranty_policy_id,
  requiredFields: JSON.parse(row.required_fields) as Category['requiredFields'],
  checklist: JSON.parse(row.checklist) as Category['checklist'],
  accessories: JSON.parse(row.accessories) as Category['accessories'],
  faultCodes: JSON.parse(row.fault_codes) as Category['faultCodes'],
  warrantyParts: JSON.parse(row.warranty_parts) as Category['warrantyParts'],
  active: row.active === 1,
});

export const categoryRow = (category: Category, sort: number, at: number): CategoriesTable => ({
  id: category.id,
  name_zh: category.nameZh,
  name_en: category.nameEn,
  warranty_policy_id: category.warrantyPolicyId,
  required_fields: JSON.stringify(category.requiredFields),
  checklist: JSON.stringify(category.checklist),
  accessories: JSON.stringify(category.accessories),
  fault_codes: JSON.stringify(category.faultCodes),
  warranty_parts: JSON.stringify(category.warrantyParts),
  active: category.active ? 1 : 0,
  sort,
  updated_at: at,
});

export async function listCategories(db: Executor): Promise<Category[]> {
  const rows = await db.selectFrom('categories').selectAll().orderBy('sort').orderBy('id').execute();
  return rows.map(toCategory);
}

export async function findCategory(db: Executor, id: string): Promise<Category | undefined> {
  const row = await db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCategory(row) : undefined;
}

export async function findPolicy(db: Executor, id: string): Promise<WarrantyPolicy | undefined> {
  const row = await db
    .selectFrom('warranty_policies')
    .select('policy')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (JSON.parse(row.policy) as WarrantyPolicy) : undefined;
}

/** Fills an empty catalogue with the defaults (a new store, or one upgraded from before intake). */
export async function seedCatalogueIfEmpty(db: Executor, at: number): Promise<void> {
  const existing = await db.selectFrom('warranty_policies').select('id').limit(1).execute();
  if (existing.length > 0) return;
  await db
    .insertInto('warranty_policies')
    .values(
      defaultWarrantyPolicies.map((policy) => ({
        id: policy.id,
        policy: JSON.stringify(policy),
        updated_at: at,
      })),
    )
    .execute();
  await db
    .insertInto('categories')
    .values(defaultCategories.map((category, index) => categoryRow(category, index, at)))
    .execute();
}
