import { sql } from 'kysely';
import type { Part } from '../../../shared/parts';
import { failWith } from '../../../shared/result';
import type { Ctx } from '../context';
import type { Executor } from '../db/schema';
import type { PartsTable } from './parts.tables';

/** The store whose parts a call works on; every query is scoped to it. */
export const storeOf = (ctx: Ctx): string =>
  ctx.core.storeId ?? failWith('not_set_up', 'This counter has not been set up yet');

/** Low: at or below a reorder level that is set (a level of 0 means the part is not restocked). */
export const isLow = (row: Pick<PartsTable, 'active' | 'on_hand' | 'reorder_level'>): boolean =>
  row.active === 1 && row.reorder_level > 0 && row.on_hand <= row.reorder_level;

export const toPart = (row: PartsTable): Part => ({
  id: row.id,
  sku: row.sku,
  barcode: row.barcode,
  name: row.name,
  compatibleModels: JSON.parse(row.compatible_models) as string[],
  costFen: row.cost_fen,
  priceFen: row.price_fen,
  reorderLevel: row.reorder_level,
  supplier: row.supplier,
  active: row.active === 1,
  onHand: row.on_hand,
  low: isLow(row),
  updatedAt: row.updated_at,
});

export const findPart = (db: Executor, storeId: string, id: string) =>
  db.selectFrom('parts').selectAll().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst();

/** The part, or a `not_found` failure naming the field that pointed at it. */
export async function requirePart(db: Executor, storeId: string, id: string, field = 'partId') {
  return (
    (await findPart(db, storeId, id)) ??
    failWith('not_found', `No part ${id}`, { fields: { [field]: 'unknown_part' } })
  );
}

/**
 * The part a scanned or typed code names: its barcode, else its SKU. Two indexed lookups rather
 * than one OR, which SQLite may answer by scanning.
 */
export async function findPartByCode(db: Executor, storeId: string, code: string) {
  const byBarcode = await db
    .selectFrom('parts')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('barcode', '=', code)
    .where('barcode', '!=', '') // spelt out, so SQLite may use the partial barcode index
    .executeTakeFirst();
  if (byBarcode) return byBarcode;
  return db
    .selectFrom('parts')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('sku', '=', code)
    .executeTakeFirst();
}

/** Another part already answering to `code` (as SKU or barcode): a scan must name one part only. */
export async function codeOwner(db: Executor, storeId: string, code: string, exceptId: string | undefined) {
  if (code === '') return undefined;
  const owner = await findPartByCode(db, storeId, code);
  if (owner && owner.id !== exceptId) return owner;
  // The barcode lookup found this very part; another may still hold the code as its SKU.
  const bySku = await db
    .selectFrom('parts')
    .select(['id', 'sku'])
    .where('store_id', '=', storeId)
    .where('sku', '=', code)
    .executeTakeFirst();
  return bySku && bySku.id !== exceptId ? bySku : undefined;
}

export type ListFilter = {
  query: string;
  lowOnly: boolean;
  includeInactive: boolean;
  limit: number;
  offset: number;
};

/** `%text%` for LIKE, with the caller's own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of the stock list in SKU order, with the number of parts the filter matches. */
export async function listParts(db: Executor, storeId: string, filter: ListFilter) {
  let query = db.selectFrom('parts').where('store_id', '=', storeId);
  if (!filter.includeInactive) query = query.where('active', '=', 1);
  if (filter.lowOnly) {
    query = query
      .where('active', '=', 1)
      .where('reorder_level', '>', 0)
      .where(sql<boolean>`on_hand <= reorder_level`);
  }
  if (filter.query) {
    const like = containing(filter.query);
    query = query.where(
      sql<boolean>`(name LIKE ${like} ESCAPE '\\' OR sku LIKE ${like} ESCAPE '\\'
        OR barcode LIKE ${like} ESCAPE '\\' OR supplier LIKE ${like} ESCAPE '\\'
        OR compatible_models LIKE ${like} ESCAPE '\\')`,
    );
  }
  if (!filter.query && !filter.lowOnly) {
    // The whole list: the page walks the SKU index and stops once it is full; the count reads on.
    const rows = await query.selectAll().orderBy('sku').limit(filter.limit).offset(filter.offset).execute();
    const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows: rows.map(toPart), total: Number(count.n) };
  }
  // A search reads every part anyway: once, with the count of matches alongside (a window count),
  // rather than walking the SKU index row by row and then counting in a second pass.
  const rows = await query
    .selectAll()
    .select(sql<number>`count(*) OVER ()`.as('total'))
    .orderBy('sku')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const total =
    rows[0]?.total ??
    Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { rows: rows.map(({ total: _total, ...row }) => toPart(row)), total };
}
