import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { diagnosableStatuses, isWorkStatus, type TicketStatus } from '../../../shared/ticket-status';
import { calendarDateIn } from '../../../shared/dates';
import { queueSync } from '../changes';
import { sessionOf, type Ctx } from '../context';
import { currentState } from '../custody/custody-ledger';
import type { Tx } from '../db/schema';
import { moveWithin } from '../goods/custody.service';
import { localStore } from '../store/store.repository';
import { refreshWorkCredits } from '../reports/work-credits';

import { changeTicket, needsApproval, ticketForChange, transition, type Ticket } from './ticket-change';

type Changed = OutputOf<'repair.move'>;

/** Runs an act on one ticket in one transaction, from the version the caller was shown. */
export const onTicket = <T>(
  ctx: Ctx,
  input: { ticket: string; version?: number },
  work: (trx: Tx, ticket: Ticket) => Promise<T>,
): Promise<T> =>
  ctx.core.db
    .transaction()
    .execute(async (trx) => work(trx, await ticketForChange(trx, ctx, input.ticket, input.version)));

/**
 * The device goes back to the customer with the ticket (collected, or cancelled before any work).
 * A replacement's customer takes the new unit: the old one stays with the store. A device that is
 * not here (at a vendor, at another store) cannot be handed over.
 */
export async function handBackDevice(
  trx: Tx,
  ctx: Ctx,
  ticket: Ticket,
  from: string,
  note: string,
): Promise<void> {
  if (from === 'replaced') return;
  // Already with the customer: nothing to record. Anywhere but here, the custody rules refuse it.
  if ((await currentState(trx, ticket.id))?.place === 'with_customer') return;
  await moveWithin(trx, ctx, ticket.store_id, ticket, { kind: 'handed_back', note });
}

/** A plain move of the state machine. Collecting or cancelling also hands the device back. */
export const move = (ctx: Ctx, input: ParsedInputOf<'repair.move'>): Promise<Changed> =>
  onTicket(ctx, input, async (trx, ticket) => {
    const set: Partial<Ticket> = {};
    if (input.to === 'collected') set.collected_at = ctx.core.now();
    const from = ticket.status;
    // The rules are checked first: the hand-back is only written for a move they allow.
    const changed = await transition(trx, ctx, ticket, input.to, 'move', {
      action: 'move',
      note: input.note,
      set,
    });
    if (input.to === 'collected' || input.to === 'cancelled')
      await handBackDevice(trx, ctx, ticket, from, input.note);
    return changed;
  });

/**
 * The technician's diagnosis and estimate. Over the customer's cost limit (and not yet approved to
 * that amount) the job waits for the customer; otherwise it goes where the technician says.
 */
export const diagnose = (ctx: Ctx, input: ParsedInputOf<'repair.diagnose'>): Promise<Changed> =>
  onTicket(ctx, input, async (trx, ticket) => {
    if (!diagnosableStatuses.includes(ticket.status)) {
      return failWith('invalid_transition', `A ${ticket.status} ticket cannot be diagnosed`, {
        details: { from: ticket.status, use: 'diagnose' },
      });
    }
    if (ticket.status === 'received') {
      await transition(trx, ctx, ticket, 'diagnosing', 'move', { action: 'move' });
    }
    const set = {
      diagnosis: input.diagnosis,
      cause: input.cause,
      estimate_fen: input.estimateFen,
      diagnosed_by: sessionOf(ctx).staffId,
    };
    Object.assign(ticket, set); // the rules judge the ticket as it will be
    const to: TicketStatus = needsApproval(ticket)
      ? 'awaiting_approval'
      : ticket.status === 'diagnosing'
        ? input.next
        : (ticket.status as TicketStatus);
    const details = { estimateFen: input.estimateFen, costLimitFen: ticket.cost_limit_fen };
    if (to === ticket.status) return changeTicket(trx, ctx, ticket, { action: 'diagnose', set, details });
    return transition(trx, ctx, ticket, to, 'diagnose', { action: 'diagnose', set, details });
  });

/** The customer's answer to an estimate over their limit. Declined: back unrepaired, diagnosis fee due. */
export const approve = (ctx: Ctx, input: ParsedInputOf<'repair.approve'>): Promise<Changed> =>
  onTicket(ctx, input, async (trx, ticket) => {
    if (ticket.status !== 'awaiting_approval') {
      return failWith('invalid_transition', `${ticket.ticket_no} is not waiting for approval`, {
        details: { from: ticket.status, use: 'approve' },
      });
    }
    const approved = input.decision === 'approved';
    const approval = {
      id: newId(),
      store_id: ticket.store_id,
      ticket_id: ticket.id,
      decision: input.decision,
      method: input.method,
      given_by: input.givenBy,
      amount_fen: ticket.estimate_fen,
      recorded_by: sessionOf(ctx).staffId,
      at: ctx.core.now(),
      note: input.note,
    };
    await trx.insertInto('approvals').values(approval).execute();
    await queueSync(trx, ctx, 'approvals', approval.id, approval);
    const details = { decision: input.decision, method: input.method, givenBy: input.givenBy };
    if (approved) {
      ticket.approved_fen = ticket.estimate_fen;
      return transition(trx, ctx, ticket, input.next, 'approve', {
        action: 'approve',
        note: input.note,
        set: { approved_fen: ticket.estimate_fen },
        details: { ...details, amountFen: ticket.estimate_fen },
      });
    }
    return transition(trx, ctx, ticket, 'returned_unrepaired', 'approve', {
      action: 'approve',
      note: input.note,
      set: { charge_basis: 'diagnosis_fee' },
      details: { ...details, diagnosisFeeFen: ticket.diagnosis_fee_fen },
    });
  });

/** The technician's QC. A pass stops the running timers and sends the job to the supervisor's check. */
export const finish = (ctx: Ctx, input: ParsedInputOf<'repair.finish'>): Promise<Changed> =>
  onTicket(ctx, input, async (trx, ticket) => {
    if (ticket.status !== 'in_repair') {
      return failWith('invalid_transition', `${ticket.ticket_no} is not in repair`, {
        details: { from: ticket.status, use: 'finish' },
      });
    }
    await recordCheck(trx, ctx, ticket, 'qc', input.qcPassed, input.note);
    const set = { action_taken: input.actionTaken };
    const details = { qcPassed: input.qcPassed };
    if (!input.qcPassed)
      return changeTicket(trx, ctx, ticket, { action: 'qc', note: input.note, set, details });
    Object.assign(ticket, set);
    return transition(trx, ctx, ticket, 'awaiting_check', 'finish', {
      action: 'qc',
      note: input.note,
      set,
      details,
    }); // leaving the workbench stops the running timers (ticket-change)
  });

/** 主任验讫: only a supervisor's passed check makes a job ready for pickup, and it says who checked. */
export const check = (ctx: Ctx, input: ParsedInputOf<'repair.check'>): Promise<Changed> =>
  onTicket(ctx, input, async (trx, ticket) => {
    const to = input.passed ? 'ready' : 'in_repair';
    const now = ctx.core.now();
    const changed = await transition(trx, ctx, ticket, to, 'check', {
      action: 'check',
      note: input.note,
      set: input.passed ? { checked_by: sessionOf(ctx).staffId, checked_at: now } : {},
      details: { passed: input.passed },
    });
    await recordCheck(trx, ctx, ticket, 'supervisor', input.passed, input.note);
    return changed;
  });

async function recordCheck(
  trx: Tx,
  ctx: Ctx,
  ticket: Ticket,
  kind: 'qc' | 'supervisor',
  passed: boolean,
  note: string,
): Promise<void> {
  const row = {
    id: newId(),
    store_id: ticket.store_id,
    ticket_id: ticket.id,
    kind,
    passed: passed ? 1 : 0,
    staff_id: sessionOf(ctx).staffId,
    at: ctx.core.now(),
    note,
  };
  await trx.insertInto('repair_checks').values(row).execute();
  await queueSync(trx, ctx, 'repair_checks', row.id, row);
  // Only a failed check changes a finished ticket's credits (its first-time fix); a pass changes
  // nothing, and the move it makes has refreshed them already.
  if (!passed) await refreshWorkCredits(trx, row.ticket_id);
}

/** Moves the promised date of open work; never into the past, and always with the reason why. */
export async function promise(ctx: Ctx, input: ParsedInputOf<'repair.promise'>): Promise<Changed> {
  const store = await localStore(ctx); // read first: the transaction holds the one connection
  const today = calendarDateIn(ctx.core.now(), store.time_zone);
  return onTicket(ctx, input, async (trx, ticket) => {
    if (!isWorkStatus(ticket.status)) {
      return failWith('invalid_transition', `A ${ticket.status} ticket has no promise to move`, {
        details: { from: ticket.status, use: 'promise' },
      });
    }
    if (input.promisedDate < today) {
      return failWith('invalid_input', 'The promised date is in the past', {
        fields: { promisedDate: 'date_in_past' },
      });
    }
    return changeTicket(trx, ctx, ticket, {
      action: 'promise',
      note: input.note,
      set: { promised_date: input.promisedDate },
      details: { from: ticket.promised_date, to: input.promisedDate },
    });
  });
}
