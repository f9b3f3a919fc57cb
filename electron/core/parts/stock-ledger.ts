import { newId } from '../../../shared/ids';
import type { MovementKind } from '../../../shared/parts';
import { failWith } from '../../../shared/result';
import { supervisorRoles } from '../../../shared/roles';
import { queueSync, recordEvent } from '../changes';
import { sessionOf, type Ctx } from '../context';
import type { Tx } from '../db/schema';
import type { PartsTable, StockMovementsTable } from './parts.tables';

export type Entry = {
  kind: MovementKind;
  /** Signed. */
  quantity: number;
  ticketId?: string | null;
  vendor?: string;
  rmaNo?: string;
  reason?: string;
};

/**
 * Refuses an entry that would leave the part below zero, unless the caller asked for it explicitly
 * and is a supervisor or acts under a supervisor's override. True when the entry is such an
 * allowed exception (the caller then audits it).
 */
export function guardStock(ctx: Ctx, part: PartsTable, quantity: number, allowNegative: boolean): boolean {
  const after = part.on_hand + quantity;
  if (quantity >= 0 || after >= 0) return false;
  if (!allowNegative) {
    failWith('conflict', `Only ${part.on_hand} of ${part.sku} in stock`, {
      fields: { quantity: 'insufficient_stock' },
      details: { reason: 'insufficient_stock', onHand: part.on_hand, requested: -quantity },
    });
  }
  const supervisor = supervisorRoles.includes(sessionOf(ctx).role) || ctx.overrideBy !== null;
  if (!supervisor) {
    failWith('forbidden', 'Only a supervisor may take stock below zero', {
      fields: { allowNegative: 'supervisor_only' },
    });
  }
  return true;
}

/**
 * Appends an entry to the store's stock ledger (append-only, enforced by triggers) and moves the
 * part's on-hand figure by the same amount, in the caller's transaction: the two never disagree.
 * `part` must have been read in this transaction. Writes the outbox row; the audit entry is the
 * caller's (one act, such as a count, may write many entries).
 */
export async function appendMovement(
  trx: Tx,
  ctx: Ctx,
  part: PartsTable,
  entry: Entry,
): Promise<StockMovementsTable> {
  const last = await trx
    .selectFrom('stock_movements')
    .select('seq')
    .where('store_id', '=', part.store_id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const movement: StockMovementsTable = {
    id: newId(),
    store_id: part.store_id,
    seq: (last?.seq ?? 0) + 1,
    part_id: part.id,
    kind: entry.kind,
    quantity: entry.quantity,
    balance_after: part.on_hand + entry.quantity,
    ticket_id: entry.ticketId ?? null,
    vendor: entry.vendor ?? '',
    rma_no: entry.rmaNo ?? '',
    reason: entry.reason ?? '',
    staff_id: sessionOf(ctx).staffId,
    override_by: ctx.overrideBy,
    at: ctx.core.now(),
  };
  await trx.insertInto('stock_movements').values(movement).execute();
  await trx.updateTable('parts').set({ on_hand: movement.balance_after }).where('id', '=', part.id).execute();
  part.on_hand = movement.balance_after; // the caller answers with the part as it now stands
  await queueSync(trx, ctx, 'stock_movements', movement.id, movement);
  return movement;
}

/**
 * One entry as one audited act: the entry, its audit record (with the override that allowed it, if
 * any), and a separate `parts.belowZero` record when it took the part below zero.
 */
export async function recordMovement(
  trx: Tx,
  ctx: Ctx,
  action: string,
  part: PartsTable,
  entry: Entry,
  belowZero: boolean,
): Promise<StockMovementsTable> {
  const before = part.on_hand;
  const movement = await appendMovement(trx, ctx, part, entry);
  const details = { partId: part.id, sku: part.sku, quantity: entry.quantity, before, after: part.on_hand };
  await recordEvent(trx, ctx, { action, entity: 'stock_movements', entityId: movement.id, details });
  if (belowZero) {
    await recordEvent(trx, ctx, {
      action: 'parts.belowZero',
      entity: 'parts',
      entityId: part.id,
      details: { ...details, kind: entry.kind, movementId: movement.id },
    });
  }
  return movement;
}
