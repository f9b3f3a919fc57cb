import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import type { Role } from '../../../shared/roles';
import {
  fittingStatuses,
  pickupStatuses,
  ruleFor,
  type TicketStatus,
  type TransitionRule,
  type TransitionVia,
} from '../../../shared/ticket-status';
import { queueSync, recordChange } from '../changes';
import { scheduleFollowUp } from '../quality/followups.service';
import { refreshWorkCredits } from '../reports/work-credits';
import { stopTimers } from './labour-ledger';
import { sessionOf, type Ctx } from '../context';
import type { Executor, TicketsTable, Tx } from '../db/schema';

export type Ticket = TicketsTable;
export type Changed = { ticketId: string; status: TicketStatus; version: number };

/**
 * Reads a ticket of this store for a change. With a `version`, the caller says which state it was
 * shown: a ticket changed since (by another clerk, say) is refused, so nothing is overwritten unseen.
 */
export async function ticketForChange(
  db: Executor,
  ctx: Ctx,
  ticketId: string,
  version?: number,
): Promise<Ticket> {
  const ticket = await db
    .selectFrom('tickets')
    .selectAll()
    .where('id', '=', ticketId)
    .where('store_id', '=', ctx.core.storeId ?? '')
    .executeTakeFirst();
  if (!ticket) return failWith('not_found', 'No such ticket');
  if (version !== undefined && ticket.version !== version) {
    return failWith('changed_meanwhile', `${ticket.ticket_no} was changed meanwhile; reload it`, {
      details: { version: ticket.version, status: ticket.status },
    });
  }
  return ticket;
}

/** The customer pays, the estimate is over their cost limit and no approval covers it. */
export const needsApproval = (
  t: Pick<Ticket, 'cost_limit_fen' | 'estimate_fen' | 'approved_fen' | 'charge_basis'>,
): boolean =>
  t.charge_basis !== 'free' &&
  t.cost_limit_fen !== null &&
  t.estimate_fen > t.cost_limit_fen &&
  (t.approved_fen ?? -1) < t.estimate_fen;

/** A supervisor's one-time override lets the caller act as a supervisor would. */
const actsAs = (ctx: Ctx): Role => (ctx.overrideBy ? 'supervisor' : sessionOf(ctx).role);

/**
 * The rule for a move, if the state machine has it, the action making it may make it, the caller's
 * role may, and what it needs holds. Anything else is refused with a code saying which.
 */
export function checkMove(
  ctx: Ctx,
  ticket: Ticket,
  to: TicketStatus,
  via: readonly TransitionVia[],
  note: string,
): TransitionRule {
  const rule = ruleFor(ticket.status, to);
  const details = { from: ticket.status, to };
  if (!rule) return failWith('invalid_transition', `${ticket.status} cannot go to ${to}`, { details });
  if (!via.includes(rule.via)) {
    return failWith('invalid_transition', `${ticket.status} to ${to} is made by ${rule.via}`, {
      details: { ...details, use: rule.via },
    });
  }
  if (!rule.by.includes(actsAs(ctx))) {
    return failWith('forbidden', `Your role may not move a ticket to ${to}`, {
      details: { ...details, roles: rule.by },
    });
  }
  for (const need of rule.needs) {
    if (need === 'note' && !note) {
      failWith('invalid_input', `${to} needs a note`, { fields: { note: 'required' }, details });
    }
    if (need === 'diagnosis' && !ticket.diagnosis) {
      failWith('invalid_transition', `${to} needs a diagnosis first`, { details: { ...details, need } });
    }
    if (need === 'approval' && needsApproval(ticket)) {
      failWith('invalid_transition', `The estimate is over the customer's limit`, {
        details: { ...details, need, estimateFen: ticket.estimate_fen, costLimitFen: ticket.cost_limit_fen },
      });
    }
  }
  return rule;
}

type Change = {
  /** What the act is, as `ticket_events.action` and the audit action `repair.<action>`. */
  action: string;
  /** The new status; absent when the act moves none (an assignment, labour, a QC fail). */
  to?: TicketStatus;
  note?: string;
  details?: Record<string, unknown>;
  /** Columns the act sets besides the status and times. */
  set?: Partial<Omit<Ticket, 'id' | 'version' | 'status'>>;
};

/**
 * Writes one act on a ticket: the row (status, times, a new version), its event row, the audit entry
 * and the outbox rows, in the caller's transaction. The update names the version it read, so two
 * writers can never both win.
 */
export async function changeTicket(trx: Tx, ctx: Ctx, ticket: Ticket, change: Change): Promise<Changed> {
  const staff = sessionOf(ctx);
  const now = ctx.core.now();
  const to = change.to ?? (ticket.status as TicketStatus);
  const moved = to !== ticket.status;
  // The first time the work ends (ready, returned unrepaired, replaced) is when the reports credit it.
  const finishes =
    moved && ticket.finished_at === null && (pickupStatuses as readonly TicketStatus[]).includes(to);
  const updated = await trx
    .updateTable('tickets')
    .set({
      ...change.set,
      ...(finishes ? { finished_at: now } : {}),
      status: to,
      status_at: moved ? now : ticket.status_at,
      activity_at: now,
      version: ticket.version + 1,
      updated_at: now,
    })
    .where('id', '=', ticket.id)
    .where('version', '=', ticket.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) return failWith('changed_meanwhile', `${ticket.ticket_no} was changed meanwhile; reload it`);
  const event = {
    id: newId(),
    ticket_id: ticket.id,
    at: now,
    staff_id: staff.staffId,
    from_status: ticket.status,
    to_status: to,
    note: change.note ?? '',
    action: change.action,
    details: JSON.stringify(change.details ?? {}),
  };
  await trx.insertInto('ticket_events').values(event).execute();
  await recordChange(trx, ctx, {
    action: `repair.${change.action}`,
    entity: 'tickets',
    entityId: ticket.id,
    row: updated,
    details: { ticketNo: ticket.ticket_no, fromStatus: ticket.status, toStatus: to, ...change.details },
  });
  await queueSync(trx, ctx, 'ticket_events', event.id, event);
  // Handed back or refunded: a follow-up call may be due (after-sales quality).
  if (moved && (to === 'collected' || to === 'refunded')) await scheduleFollowUp(trx, ctx, updated);
  // Off the workbench (on hold, at a vendor, finished, closed): the clock stops for everyone.
  if (moved && !fittingStatuses.includes(to)) await stopTimers(trx, ctx, ticket);
  if (updated.finished_at !== null) await refreshWorkCredits(trx, ticket.id);
  Object.assign(ticket, updated); // a second act in the same transaction starts from this one
  return { ticketId: ticket.id, status: to, version: updated.version };
}

/** A move of the state machine made by `via`, checked against the rules, then written. */
export async function transition(
  trx: Tx,
  ctx: Ctx,
  ticket: Ticket,
  to: TicketStatus,
  via: TransitionVia | readonly TransitionVia[],
  change: Omit<Change, 'to'>,
): Promise<Changed> {
  checkMove(ctx, ticket, to, typeof via === 'string' ? [via] : via, change.note ?? '');
  return changeTicket(trx, ctx, ticket, { ...change, to });
}
