import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { fittingStatuses } from '../../../shared/ticket-status';
import { queueSync } from '../changes';
import type { Ctx } from '../context';
import { requirePart } from '../parts/parts.repository';
import { guardStock, recordMovement } from '../parts/stock-ledger';
import { oncePerRequest } from '../parts/stock-requests';
import { markActive } from './labour-ledger';
import { ticketForChange } from './ticket-change';

/**
 * A part from stock fitted on the repair: a `used` entry in the stock ledger (once per request id, so
 * a double click fits one) and, on the repair card, what became of the part it replaced.
 */
export const usePart = (
  ctx: Ctx,
  input: ParsedInputOf<'repair.usePart'>,
): Promise<OutputOf<'repair.usePart'>> =>
  oncePerRequest(ctx, 'repair.usePart', input.requestId, async (trx) => {
    const ticket = await ticketForChange(trx, ctx, input.ticket);
    if (!fittingStatuses.includes(ticket.status)) {
      return failWith('invalid_transition', `No parts are fitted to a ${ticket.status} ticket`, {
        details: { from: ticket.status, use: 'usePart' },
      });
    }
    const part = await requirePart(trx, ticket.store_id, input.partId);
    const belowZero = guardStock(ctx, part, -input.quantity, input.allowNegative);
    const movement = await recordMovement(
      trx,
      ctx,
      'parts.use',
      part,
      { kind: 'used', quantity: -input.quantity, ticketId: ticket.id },
      belowZero,
    );
    const fitted = {
      id: newId(),
      store_id: ticket.store_id,
      ticket_id: ticket.id,
      movement_id: movement.id,
      old_part: input.oldPart,
      price_fen: part.price_fen,
      at: ctx.core.now(),
    };
    await trx.insertInto('repair_parts').values(fitted).execute();
    await queueSync(trx, ctx, 'repair_parts', fitted.id, fitted);
    await markActive(trx, ctx, ticket.id);
    return { movementId: movement.id, onHand: part.on_hand };
  });
