import { sql } from 'kysely';
import type { Executor } from '../db/schema';
import type { PartsTable } from './parts.tables';

/** Pieces sent under each RMA number and those received back under it, per part and vendor. */
function rmaTotals(db: Executor, storeId: string) {
  return db
    .selectFrom('stock_movements as m')
    .where('m.store_id', '=', storeId)
    .where('m.rma_no', '!=', '')
    .groupBy(['m.part_id', 'm.vendor', 'm.rma_no'])
    .select([
      'm.part_id',
      'm.vendor',
      'm.rma_no',
      sql<number>`-sum(CASE WHEN m.kind = 'returned_to_vendor' THEN m.quantity ELSE 0 END)`.as('sent'),
      sql<number>`sum(CASE WHEN m.kind = 'received' THEN m.quantity ELSE 0 END)`.as('back'),
      sql<number>`min(CASE WHEN m.kind = 'returned_to_vendor' THEN m.at END)`.as('sent_at'),
    ]);
}

/** The RMA of this part still (partly) out under `rmaNo`, oldest first if two vendors share it. */
export async function openRma(db: Executor, part: PartsTable, rmaNo: string) {
  const row = await rmaTotals(db, part.store_id)
    .where('m.part_id', '=', part.id)
    .where('m.rma_no', '=', rmaNo)
    .having(sql<boolean>`sent > back`)
    .orderBy('sent_at')
    .executeTakeFirst();
  return row ? { vendor: row.vendor, outstanding: row.sent - row.back } : undefined;
}

/** Every part out at a vendor and not yet back, oldest first. */
export async function partsAtVendors(db: Executor, storeId: string) {
  return db
    .selectFrom(
      rmaTotals(db, storeId)
        .having(sql<boolean>`sent > back`)
        .as('r'),
    )
    .innerJoin('parts as p', 'p.id', 'r.part_id')
    .select(['r.vendor', 'r.rma_no', 'r.part_id', 'p.sku', 'p.name', 'r.sent', 'r.back', 'r.sent_at'])
    .orderBy('r.sent_at')
    .orderBy('r.vendor')
    .limit(2000)
    .execute();
}

/** Pieces of a part a ticket holds: used on it, less those that went back to stock. */
export async function usedOnTicket(db: Executor, partId: string, ticketId: string): Promise<number> {
  const row = await db
    .selectFrom('stock_movements')
    .select(sql<number>`coalesce(-sum(quantity), 0)`.as('held'))
    .where('ticket_id', '=', ticketId)
    .where('part_id', '=', partId)
    .where('kind', '=', 'used')
    .executeTakeFirstOrThrow();
  return row.held;
}

/** Active parts at or below a set reorder level, by supplier. */
export function lowParts(db: Executor, storeId: string) {
  return db
    .selectFrom('parts')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('active', '=', 1)
    .where(sql<boolean>`on_hand <= reorder_level`)
    .where('reorder_level', '>', 0)
    .orderBy('supplier')
    .orderBy('sku')
    .limit(2000)
    .execute();
}

/** Parts whose kept on-hand figure differs from the sum of their ledger entries. */
export async function ledgerMismatches(db: Executor, storeId: string) {
  const sums = db
    .selectFrom('stock_movements')
    .where('store_id', '=', storeId)
    .groupBy('part_id')
    .select(['part_id', (eb) => eb.fn.sum<number>('quantity').as('total')]);
  const [mismatches, counts] = await Promise.all([
    db
      .selectFrom('parts as p')
      .leftJoin(sums.as('s'), 's.part_id', 'p.id')
      .select(['p.id', 'p.sku', 'p.name', 'p.on_hand', sql<number>`coalesce(s.total, 0)`.as('ledger')])
      .where('p.store_id', '=', storeId)
      .where(sql<boolean>`p.on_hand != coalesce(s.total, 0)`)
      .orderBy('p.sku')
      .limit(1000)
      .execute(),
    db
      .selectFrom('parts')
      .select([
        (eb) => eb.fn.countAll<number>().as('parts'),
        sql<number>`(SELECT count(*) FROM stock_movements WHERE store_id = ${storeId})`.as('movements'),
      ])
      .where('store_id', '=', storeId)
      .executeTakeFirstOrThrow(),
  ]);
  return { mismatches, parts: Number(counts.parts), movements: Number(counts.movements) };
}
