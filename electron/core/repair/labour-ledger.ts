import { newId } from '../../../shared/ids';
import { queueSync } from '../changes';
import { sessionOf, type Ctx } from '../context';
import type { Tx } from '../db/schema';
import { refreshWorkCredits } from '../reports/work-credits';
import type { LabourEntriesTable } from './repair.tables';

/*
 * Writing labour: entries (append-only), running timers, and the ticket's activity time. Kept apart
 * from labour.service so that a ticket leaving the workbench (ticket-change) can stop its timers.
 */

/** Labour and parts are records of their own: they mark the ticket active but leave its version. */
export async function markActive(trx: Tx, ctx: Ctx, ticketId: string): Promise<void> {
  await trx.updateTable('tickets').set({ activity_at: ctx.core.now() }).where('id', '=', ticketId).execute();
}

export async function appendLabour(
  trx: Tx,
  ctx: Ctx,
  entry: Omit<LabourEntriesTable, 'id' | 'store_id' | 'recorded_by' | 'at'>,
): Promise<LabourEntriesTable> {
  const row: LabourEntriesTable = {
    id: newId(),
    store_id: ctx.core.storeId ?? '',
    recorded_by: sessionOf(ctx).staffId,
    at: ctx.core.now(),
    ...entry,
  };
  await trx.insertInto('labour_entries').values(row).execute();
  await queueSync(trx, ctx, 'labour_entries', row.id, row);
  await markActive(trx, ctx, row.ticket_id);
  await refreshWorkCredits(trx, row.ticket_id); // labour after the finish still counts
  return row;
}

/** Whole minutes of a timer, at least one: a started timer is work done. */
export const minutesBetween = (from: number, to: number): number =>
  Math.min(6000, Math.max(1, Math.round((to - from) / 60_000)));

/** Stops every timer running on a ticket (work on it has stopped), each into a labour entry. */
export async function stopTimers(trx: Tx, ctx: Ctx, ticket: { id: string }): Promise<void> {
  const timers = await trx
    .selectFrom('labour_timers')
    .selectAll()
    .where('ticket_id', '=', ticket.id)
    .execute();
  const now = ctx.core.now();
  for (const timer of timers) {
    await appendLabour(trx, ctx, {
      ticket_id: ticket.id,
      technician_id: timer.technician_id,
      minutes: minutesBetween(timer.started_at, now),
      started_at: timer.started_at,
      ended_at: now,
      source: 'timer',
      reverses: null,
      note: '',
    });
  }
  await trx.deleteFrom('labour_timers').where('ticket_id', '=', ticket.id).execute();
}
