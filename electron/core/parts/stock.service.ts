import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import type { Ctx } from '../context';
import type { Tx } from '../db/schema';
import { loadMovement } from './movements.repository';
import type { PartsTable } from './parts.tables';
import { requirePart, storeOf, toPart } from './parts.repository';
import { openRma, usedOnTicket } from './stock-queries';
import { oncePerRequest } from './stock-requests';
import { guardStock, recordMovement, type Entry } from './stock-ledger';

type Moved = OutputOf<'parts.receive'>;

/** Writes one audited entry for a part and answers with the entry and the part as it now stands. */
async function move(
  trx: Tx,
  ctx: Ctx,
  action: string,
  part: PartsTable,
  entry: Entry,
  allowNegative = false,
): Promise<Moved> {
  const belowZero = guardStock(ctx, part, entry.quantity, allowNegative);
  const movement = await recordMovement(trx, ctx, action, part, entry, belowZero);
  return { movement: await loadMovement(trx, movement.id), part: toPart(part) };
}

/**
 * Stock in: a delivery from a supplier, or (with an RMA number) pieces back from the vendor they were
 * returned to. A part no longer stocked takes no deliveries, but its pieces may still come back.
 */
export function receive(ctx: Ctx, input: ParsedInputOf<'parts.receive'>): Promise<Moved> {
  return oncePerRequest(ctx, 'parts.receive', input.requestId, async (trx) => {
    const part = await requirePart(trx, storeOf(ctx), input.partId);
    if (!input.rmaNo && part.active !== 1) {
      failWith('conflict', `${part.sku} is no longer stocked`, { fields: { partId: 'part_inactive' } });
    }
    const vendor = input.rmaNo ? await vendorOfOpenRma(trx, part, input.rmaNo, input.quantity) : '';
    const entry = {
      kind: 'received',
      quantity: input.quantity,
      vendor,
      rmaNo: input.rmaNo,
      reason: input.note,
    } as const;
    return move(trx, ctx, 'parts.receive', part, entry);
  });
}

/** The vendor holding pieces of this part under `rmaNo`: no more can come back than went out. */
async function vendorOfOpenRma(trx: Tx, part: PartsTable, rmaNo: string, quantity: number) {
  const rma =
    (await openRma(trx, part, rmaNo)) ??
    failWith('not_found', `No open RMA ${rmaNo} for ${part.sku}`, { fields: { rmaNo: 'rma_not_open' } });
  if (quantity > rma.outstanding) {
    failWith('conflict', `Only ${rma.outstanding} of ${part.sku} are out under ${rmaNo}`, {
      fields: { quantity: 'more_than_sent' },
      details: { outstanding: rma.outstanding },
    });
  }
  return rma.vendor;
}

/** Parts fitted on a repair: out of stock, against the ticket. */
export function use(ctx: Ctx, input: ParsedInputOf<'parts.use'>): Promise<Moved> {
  return oncePerRequest(ctx, 'parts.use', input.requestId, async (trx) => {
    const storeId = storeOf(ctx);
    await requireTicket(trx, storeId, input.ticketId);
    const part = await requirePart(trx, storeId, input.partId);
    const entry = { kind: 'used', quantity: -input.quantity, ticketId: input.ticketId } as const;
    return move(trx, ctx, 'parts.use', part, entry, input.allowNegative);
  });
}

/** A part taken for a ticket and not fitted goes back: never more than the ticket holds. */
export function unuse(ctx: Ctx, input: ParsedInputOf<'parts.unuse'>): Promise<Moved> {
  return oncePerRequest(ctx, 'parts.unuse', input.requestId, async (trx) => {
    const storeId = storeOf(ctx);
    await requireTicket(trx, storeId, input.ticketId);
    const part = await requirePart(trx, storeId, input.partId);
    const held = await usedOnTicket(trx, part.id, input.ticketId);
    if (input.quantity > held) {
      failWith('conflict', `The ticket holds ${held} of ${part.sku}`, {
        fields: { quantity: 'more_than_used' },
        details: { used: held },
      });
    }
    const entry = { kind: 'used', quantity: input.quantity, ticketId: input.ticketId } as const;
    return move(trx, ctx, 'parts.unuse', part, entry);
  });
}

/** Faulty or surplus pieces sent back to a vendor under their RMA number. */
export function returnToVendor(ctx: Ctx, input: ParsedInputOf<'parts.returnToVendor'>): Promise<Moved> {
  return oncePerRequest(ctx, 'parts.returnToVendor', input.requestId, async (trx) => {
    const part = await requirePart(trx, storeOf(ctx), input.partId);
    const entry = {
      kind: 'returned_to_vendor',
      quantity: -input.quantity,
      vendor: input.vendor,
      rmaNo: input.rmaNo,
      reason: input.note,
    } as const;
    return move(trx, ctx, 'parts.returnToVendor', part, entry, input.allowNegative);
  });
}

/** A correction by hand (damaged, lost, found), with its reason; supervisors or their override. */
export function adjust(ctx: Ctx, input: ParsedInputOf<'parts.adjust'>): Promise<Moved> {
  return oncePerRequest(ctx, 'parts.adjust', input.requestId, async (trx) => {
    const part = await requirePart(trx, storeOf(ctx), input.partId);
    const entry = { kind: 'adjusted', quantity: input.quantity, reason: input.reason } as const;
    return move(trx, ctx, 'parts.adjust', part, entry, input.allowNegative);
  });
}

async function requireTicket(trx: Tx, storeId: string, ticketId: string): Promise<void> {
  const ticket = await trx
    .selectFrom('tickets')
    .select('id')
    .where('id', '=', ticketId)
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  if (!ticket) failWith('not_found', `No ticket ${ticketId}`, { fields: { ticketId: 'unknown_ticket' } });
}
