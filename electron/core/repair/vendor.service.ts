import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { TicketStatus } from '../../../shared/ticket-status';
import type { Ctx } from '../context';
import { moveWithin } from '../goods/custody.service';
import { checkMove, changeTicket } from './ticket-change';
import { onTicket } from './workflow.service';

type Changed = OutputOf<'repair.toVendor'>;

/**
 * Sends a job to the manufacturer or a vendor in one step: the custody ledger records the device
 * leaving (vendor, RMA number, expected date) and the ticket goes to `at_vendor`, together or not at all.
 */
export const toVendor = (ctx: Ctx, input: ParsedInputOf<'repair.toVendor'>): Promise<Changed> =>
  onTicket(ctx, input, async (trx, ticket) => {
    checkMove(ctx, ticket, 'at_vendor', ['vendor'], input.note);
    await moveWithin(trx, ctx, ticket.store_id, ticket, {
      kind: 'to_vendor',
      vendor: input.vendor,
      rmaNo: input.rmaNo,
      expectedBack: input.expectedBack,
      note: input.note,
    });
    return changeTicket(trx, ctx, ticket, {
      action: 'to_vendor',
      to: 'at_vendor',
      note: input.note,
      details: { vendor: input.vendor, rmaNo: input.rmaNo, expectedBack: input.expectedBack ?? null },
    });
  });

const afterVendor: Record<ParsedInputOf<'repair.fromVendor'>['result'], TicketStatus> = {
  // A vendor's repair is checked like our own before the customer gets it.
  repaired: 'awaiting_check',
  more_work: 'in_repair',
  unrepaired: 'returned_unrepaired',
};

/** The device is back from the vendor: custody entry and the ticket's next status, in one step. */
export const fromVendor = (ctx: Ctx, input: ParsedInputOf<'repair.fromVendor'>): Promise<Changed> =>
  onTicket(ctx, input, async (trx, ticket) => {
    const to = afterVendor[input.result];
    checkMove(ctx, ticket, to, ['vendor'], input.note);
    await moveWithin(trx, ctx, ticket.store_id, ticket, { kind: 'from_vendor', note: input.note });
    return changeTicket(trx, ctx, ticket, {
      action: 'from_vendor',
      to,
      note: input.note,
      details: { result: input.result },
    });
  });
