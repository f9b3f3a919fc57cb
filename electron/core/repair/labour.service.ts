import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import { supervisorRoles } from '../../../shared/roles';
import { isWorkStatus } from '../../../shared/ticket-status';
import { recordEvent } from '../changes';
import { sessionOf, type Ctx } from '../context';
import { findRepairer } from '../staff/staff.repository';
import { appendLabour, markActive, minutesBetween } from './labour-ledger';
import { ticketForChange, type Ticket } from './ticket-change';

/** Labour is logged while the store works on the job (a vendor's time is not ours). */
function requireWork(ticket: Ticket): void {
  if (!isWorkStatus(ticket.status) || ticket.status === 'at_vendor') {
    failWith('invalid_transition', `No labour on a ${ticket.status} ticket`, {
      details: { from: ticket.status, use: 'labour' },
    });
  }
}

/** Starts or stops the signed-in technician's timer on a ticket; stopping logs the minutes. */
export const toggleTimer = (
  ctx: Ctx,
  input: ParsedInputOf<'repair.timer'>,
): Promise<OutputOf<'repair.timer'>> =>
  ctx.core.db.transaction().execute(async (trx) => {
    const me = sessionOf(ctx).staffId;
    const ticket = await ticketForChange(trx, ctx, input.ticket);
    const timer = await trx
      .selectFrom('labour_timers')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .where('technician_id', '=', me)
      .executeTakeFirst();
    const now = ctx.core.now();
    if (input.running) {
      if (timer) return { running: true, minutes: 0 };
      requireWork(ticket);
      await trx
        .insertInto('labour_timers')
        .values({ ticket_id: ticket.id, technician_id: me, started_at: now })
        .execute();
      await markActive(trx, ctx, ticket.id);
      return { running: true, minutes: 0 };
    }
    if (!timer) return { running: false, minutes: 0 };
    const minutes = minutesBetween(timer.started_at, now);
    await trx
      .deleteFrom('labour_timers')
      .where('ticket_id', '=', ticket.id)
      .where('technician_id', '=', me)
      .execute();
    await appendLabour(trx, ctx, {
      ticket_id: ticket.id,
      technician_id: me,
      minutes,
      started_at: timer.started_at,
      ended_at: now,
      source: 'timer',
      reverses: null,
      note: input.note,
    });
    return { running: false, minutes };
  });

/** Minutes written on the card by hand; only a supervisor writes them for someone else. */
export const logLabour = (
  ctx: Ctx,
  input: ParsedInputOf<'repair.logLabour'>,
): Promise<OutputOf<'repair.logLabour'>> =>
  ctx.core.db.transaction().execute(async (trx) => {
    const me = sessionOf(ctx);
    const ticket = await ticketForChange(trx, ctx, input.ticket);
    requireWork(ticket);
    const technicianId = input.technicianId ?? me.staffId;
    if (technicianId !== me.staffId && !supervisorRoles.includes(me.role)) {
      return failWith('forbidden', 'Only a supervisor logs labour for someone else');
    }
    const technician = await findRepairer(trx, ticket.store_id, technicianId);
    if (!technician)
      return failWith('invalid_input', 'No such technician', { fields: { technicianId: 'unknown' } });
    const entry = await appendLabour(trx, ctx, {
      ticket_id: ticket.id,
      technician_id: technicianId,
      minutes: input.minutes,
      started_at: null,
      ended_at: null,
      source: 'manual',
      reverses: null,
      note: input.note,
    });
    return { entryId: entry.id };
  });

/** A wrong labour entry is undone by a negative one naming it; each entry can be undone once. */
export const reverseLabour = (
  ctx: Ctx,
  input: ParsedInputOf<'repair.reverseLabour'>,
): Promise<OutputOf<'repair.reverseLabour'>> =>
  ctx.core.db.transaction().execute(async (trx) => {
    const wrong = await trx
      .selectFrom('labour_entries')
      .selectAll()
      .where('id', '=', input.entryId)
      .where('store_id', '=', ctx.core.storeId ?? '')
      .executeTakeFirst();
    if (!wrong) return failWith('not_found', 'No such labour entry');
    const undone = await trx
      .selectFrom('labour_entries')
      .select('id')
      .where('reverses', '=', wrong.id)
      .executeTakeFirst();
    if (wrong.source === 'reversal' || undone) {
      return failWith('conflict', 'This entry is a reversal or was already reversed', {
        details: { reason: 'already_reversed' },
      });
    }
    const entry = await appendLabour(trx, ctx, {
      ticket_id: wrong.ticket_id,
      technician_id: wrong.technician_id,
      minutes: -wrong.minutes,
      started_at: null,
      ended_at: null,
      source: 'reversal',
      reverses: wrong.id,
      note: input.reason,
    });
    await recordEvent(trx, ctx, {
      action: 'repair.reverseLabour',
      entity: 'labour_entries',
      entityId: entry.id,
      details: { reverses: wrong.id, minutes: wrong.minutes, reason: input.reason },
    });
    return { entryId: entry.id };
  });
