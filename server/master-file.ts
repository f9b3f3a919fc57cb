import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { hashPin } from '../electron/core/auth/pin';
import { masterEntities, type MasterEntity } from '../shared/master-data';
import type { HqDatabase } from './db/schema';
import { HqError } from './stores';
import { writeMaster, type MasterChange } from './sync/feed';

/**
 * Master data as headquarters edits it: a JSON file (`npm run hq -- master import|export`). Export,
 * edit, import: an import publishes every row it names in one transaction; rows it leaves out are
 * untouched, and `delete` lists what to remove.
 */

const storeScoped = z.object({ store: z.string().min(1).max(8).optional() });
const staffEntry = z.object({
  store: z.string().min(1).max(8),
  /** Absent: derived from the store and name, so importing the same file twice changes nothing. */
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(40),
  role: z.string(),
  /** A PIN to hash here, or a hash from an export. */
  pin: z
    .string()
    .regex(/^\d{4,8}$/)
    .optional(),
  pinHash: z.string().optional(),
  active: z.boolean().default(true),
});

export const masterFileSchema = z.strictObject({
  warranty_policies: z
    .array(z.looseObject({ id: z.string() }))
    .max(200)
    .default([]),
  categories: z
    .array(z.looseObject({ id: z.string() }))
    .max(500)
    .default([]),
  staff: z.array(staffEntry).max(20_000).default([]),
  price_lists: z
    .array(storeScoped.loose().extend({ id: z.string() }))
    .max(1000)
    .default([]),
  receipt_terms: z
    .array(storeScoped.loose().extend({ id: z.string() }))
    .max(10)
    .default([]),
  delete: z
    .array(
      z.strictObject({ entity: z.enum(masterEntities as [MasterEntity, ...MasterEntity[]]), id: z.string() }),
    )
    .max(20_000)
    .default([]),
});
export type MasterFile = z.input<typeof masterFileSchema>;

/** A fixed namespace: staff ids derived from (store, name) are the same at every import. */
const staffNamespace = '6f1d2c3a-8b4e-4f5a-9c7d-2e1b0a9f8c6d';

async function storeIds(db: HqDatabase) {
  const rows = await db.selectFrom('hq_stores').select(['id', 'code']).execute();
  const byCode = new Map(rows.map((row) => [row.code, row.id]));
  return (code: string | undefined): string | null => {
    if (code === undefined) return null;
    const id = byCode.get(code);
    if (!id) throw new HqError('invalid_input', `No store ${code}`);
    return id;
  };
}

/** Publishes a master data file; returns how many changes entered the feed. */
export async function importMasterFile(db: HqDatabase, raw: unknown, now: number): Promise<number> {
  const parsed = masterFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HqError('invalid_input', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid file'}`);
  }
  const file = parsed.data;
  const storeOf = await storeIds(db);
  const changes: MasterChange[] = [];
  const plain = (entity: MasterEntity, rows: { id: string; store?: string }[]) => {
    for (const { store, ...payload } of rows) {
      changes.push({ entity, entityId: payload.id, storeId: storeOf(store), payload });
    }
  };
  plain('warranty_policies', file.warranty_policies);
  plain('categories', file.categories);
  for (const entry of file.staff) {
    if (!entry.pin === !entry.pinHash) {
      throw new HqError('invalid_input', `Staff ${entry.name}: give either pin or pinHash`);
    }
    const id = entry.id ?? uuidv5(`${entry.store}/${entry.name}`, staffNamespace);
    changes.push({
      entity: 'staff',
      entityId: id,
      storeId: storeOf(entry.store),
      payload: {
        id,
        name: entry.name,
        role: entry.role,
        pinHash: entry.pinHash ?? (await hashPin(entry.pin ?? '')),
        active: entry.active,
      },
    });
  }
  plain('price_lists', file.price_lists);
  plain('receipt_terms', file.receipt_terms);
  for (const gone of file.delete) {
    changes.push({ entity: gone.entity, entityId: gone.id, storeId: null, payload: null });
  }
  await writeMaster(db, changes, now);
  return changes.length;
}

/** Everything published and not deleted, as a file `importMasterFile` takes back. */
export async function exportMasterFile(db: HqDatabase) {
  const rows = await db
    .selectFrom('hq_master as m')
    .leftJoin('hq_stores as s', 's.id', 'm.store_id')
    .select(['m.entity', 'm.payload', 's.code'])
    .where('m.deleted', '=', false)
    .orderBy('m.entity')
    .orderBy('m.entity_id')
    .execute();
  const file: Record<string, unknown[]> = Object.fromEntries(masterEntities.map((entity) => [entity, []]));
  for (const row of rows) {
    const payload = row.payload as Record<string, unknown>;
    file[row.entity]?.push(row.code ? { store: row.code, ...payload } : payload);
  }
  return file;
}
