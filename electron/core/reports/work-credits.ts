import { sql } from 'kysely';
import type { Tx } from '../db/schema';

/**
 * Re-derives one ticket's work credits (each technician's net labour minutes, and whether the ticket
 * passed its checks the first time) from the labour ledger, once the ticket's work has finished.
 * Called after anything that can change them: the finish itself, labour logged or reversed later,
 * a check. Only labour counts: the person who opened or was assigned the ticket gets nothing for it.
 */
export async function refreshWorkCredits(trx: Tx, ticketId: string): Promise<void> {
  await trx.deleteFrom('work_credits').where('ticket_id', '=', ticketId).execute();
  await sql`INSERT INTO work_credits (ticket_id, technician_id, store_id, finished_at, minutes, first_time_fix)
    SELECT l.ticket_id, l.technician_id, t.store_id, t.finished_at, sum(l.minutes),
      NOT EXISTS (SELECT 1 FROM repair_checks c WHERE c.ticket_id = t.id AND c.passed = 0)
    FROM tickets t JOIN labour_entries l ON l.ticket_id = t.id
    WHERE t.id = ${ticketId} AND t.finished_at IS NOT NULL
    GROUP BY l.technician_id HAVING sum(l.minutes) > 0`.execute(trx);
}
