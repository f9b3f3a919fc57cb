import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import { isWorkStatus, type TicketStatus } from '../../../shared/ticket-status';
import { sessionOf, type Ctx } from '../context';
import type { Tx } from '../db/schema';
import { findTicketRef } from '../goods/ticket-ref';
import { findRepairer, findStaff } from '../staff/staff.repository';
import { changeTicket, ticketForChange, type Ticket } from './ticket-change';
import { onTicket } from './workflow.service';

function requireOpen(ticket: Ticket): void {
  if (!isWorkStatus(ticket.status)) {
    failWith('invalid_transition', `A ${ticket.status} ticket takes no assignment`, {
      details: { from: ticket.status, use: 'assign' },
    });
  }
}

async function requireRepairer(trx: Tx, storeId: string, staffId: string) {
  return (
    (await findRepairer(trx, storeId, staffId)) ??
    failWith('invalid_input', 'Assign an active technician of this store', {
      fields: { technicianId: 'not_a_technician' },
    })
  );
}

/** 派工: a supervisor assigns, reassigns or unassigns the technician of an open job. */
export const assign = (ctx: Ctx, input: ParsedInputOf<'repair.assign'>): Promise<OutputOf<'repair.assign'>> =>
  onTicket(ctx, input, async (trx, ticket) => {
    requireOpen(ticket);
    const person = input.technicianId
      ? await requireRepairer(trx, ticket.store_id, input.technicianId)
      : null;
    return changeTicket(trx, ctx, ticket, {
      action: 'assign',
      note: input.note,
      set: { assigned_to: person?.id ?? null },
      details: { from: ticket.assigned_to, to: person?.id ?? null, name: person?.name ?? null },
    });
  });

/**
 * A technician takes a job by scanning its repair card. Their own job again is no change; a job
 * someone else holds is refused (a supervisor reassigns it), so two technicians never share one.
 */
export const claim = (ctx: Ctx, input: ParsedInputOf<'repair.claim'>): Promise<OutputOf<'repair.claim'>> =>
  ctx.core.db.transaction().execute(async (trx) => {
    const me = sessionOf(ctx);
    const ref = await findTicketRef(trx, ctx.core.storeId ?? '', input.ticket);
    const ticket = await ticketForChange(trx, ctx, ref.id);
    requireOpen(ticket);
    const answer = { ticketId: ticket.id, ticketNo: ticket.ticket_no };
    if (ticket.assigned_to === me.staffId) {
      return { ...answer, status: ticket.status as TicketStatus, version: ticket.version, already: true };
    }
    if (ticket.assigned_to) {
      const holder = await findStaff(trx, ticket.assigned_to);
      return failWith('conflict', `${ticket.ticket_no} is assigned to ${holder?.name ?? 'someone else'}`, {
        details: { reason: 'assigned', assignedTo: holder?.name ?? null },
      });
    }
    const changed = await changeTicket(trx, ctx, ticket, {
      action: 'claim',
      set: { assigned_to: me.staffId },
      details: { to: me.staffId, name: me.name },
    });
    return { ...answer, ...changed, already: false };
  });
