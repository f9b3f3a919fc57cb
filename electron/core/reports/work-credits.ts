import { sql } from 'kysely';
import type { SqliteHandle } from '../db/open';
import type { Tx } from '../db/schema';

/** One row per technician with net labour on a finished ticket; `WHERE` narrows it to tickets. */
const creditsSelect = `
  SELECT l.ticket_id, l.technician_id, t.store_id, t.finished_at, sum(l.minutes),
    NOT EXISTS (SELECT 1 FROM repair_checks c WHERE c.ticket_id = t.id AND c.passed = 0),
    EXISTS (SELECT 1 FROM tickets b WHERE b.prior_ticket_id = t.id AND b.prior_gap_days <= 30),
    (SELECT c.satisfaction FROM follow_ups f JOIN follow_up_calls c ON c.follow_up_id = f.id
      WHERE f.ticket_id = t.id AND f.complaint_id IS NULL AND f.technician_id = l.technician_id
        AND c.satisfaction IS NOT NULL
      ORDER BY c.at DESC LIMIT 1)
  FROM tickets t JOIN labour_entries l ON l.ticket_id = t.id`;
const creditsInsert = `INSERT INTO work_credits
  (ticket_id, technician_id, store_id, finished_at, minutes, first_time_fix, came_back, rating)`;

/**
 * Re-derives one ticket's work credits once its work has finished: each technician's net labour
 * minutes, whether the ticket passed its checks the first time, whether the device came back within
 * 30 days of its hand-back, and the customer's follow-up rating on the row of the technician it rates.
 * Called after anything that can change them: the finish, labour logged or reversed later, a check,
 * the device taken in again, a follow-up call. Only labour counts: the person who opened or was
 * assigned the ticket gets nothing for it.
 */
export async function refreshWorkCredits(trx: Tx, ticketId: string): Promise<void> {
  await trx.deleteFrom('work_credits').where('ticket_id', '=', ticketId).execute();
  await sql`${sql.raw(creditsInsert)} ${sql.raw(creditsSelect)}
    WHERE t.id = ${ticketId} AND t.finished_at IS NOT NULL
    GROUP BY l.technician_id HAVING sum(l.minutes) > 0`.execute(trx);
}

/**
 * Every ticket's credits again, from scratch: for a database written without the app (the seed's
 * history, the rows headquarters holds for a store).
 */
export function rebuildWorkCredits(sqlite: SqliteHandle): void {
  sqlite.exec(`DELETE FROM work_credits;
    ${creditsInsert} ${creditsSelect}
    WHERE t.finished_at IS NOT NULL
    GROUP BY l.ticket_id, l.technician_id HAVING sum(l.minutes) > 0`);
}
