import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { calendarDateIn, daysBetween } from '../../../shared/dates';
import type { Ctx } from '../context';
import { localStore } from '../store/store.repository';
import { listMovements } from './movements.repository';
import { requirePart, storeOf, toPart } from './parts.repository';
import { ledgerMismatches, lowParts, partsAtVendors } from './stock-queries';

/** A part's ledger, newest first. */
export async function movements(ctx: Ctx, input: ParsedInputOf<'parts.movements'>) {
  const part = await requirePart(ctx.core.db, storeOf(ctx), input.partId);
  return listMovements(ctx.core.db, part.id, input);
}

/** What to order: every low part, with the shortfall and enough to reach twice its reorder level. */
export async function reorderList(ctx: Ctx): Promise<OutputOf<'parts.reorder'>> {
  const rows = await lowParts(ctx.core.db, storeOf(ctx));
  return rows.map((row) => ({
    part: toPart(row),
    shortfall: row.reorder_level - row.on_hand,
    suggested: 2 * row.reorder_level - row.on_hand,
  }));
}

/** Parts out at vendors under RMA numbers, with the calendar days (store time) since they left. */
export async function atVendor(ctx: Ctx): Promise<OutputOf<'parts.atVendor'>> {
  const store = await localStore(ctx);
  const today = calendarDateIn(ctx.core.now(), store.time_zone);
  const rows = await partsAtVendors(ctx.core.db, store.id);
  return rows.map((row) => ({
    vendor: row.vendor,
    rmaNo: row.rma_no,
    partId: row.part_id,
    sku: row.sku,
    name: row.name,
    quantity: row.sent - row.back,
    sentAt: row.sent_at,
    daysOut: daysBetween(calendarDateIn(row.sent_at, store.time_zone), today),
  }));
}

/** Recomputes every part's stock from its ledger and reports where the kept figure disagrees. */
export async function checkStock(ctx: Ctx): Promise<OutputOf<'parts.check'>> {
  const result = await ledgerMismatches(ctx.core.db, storeOf(ctx));
  return {
    parts: result.parts,
    movements: result.movements,
    mismatches: result.mismatches.map((row) => ({
      partId: row.id,
      sku: row.sku,
      name: row.name,
      onHand: row.on_hand,
      ledger: row.ledger,
    })),
  };
}
