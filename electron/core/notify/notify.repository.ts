import type { Notification } from '../../../shared/contract-notify';
import type { Language } from '../../../shared/roles';
import type { TicketStatus } from '../../../shared/ticket-status';
import type { Executor } from '../db/schema';

/** The most attempts `notify.list` returns for one ticket (a ticket has a handful). */
const maxListed = 200;

/** The contact log query: each attempt with the name of who made it. */
const notificationRows = (db: Executor) =>
  db
    .selectFrom('notifications as n')
    .innerJoin('staff as s', 's.id', 'n.staff_id')
    .selectAll('n')
    .select('s.name as staff_name');

type Row = Awaited<ReturnType<ReturnType<typeof notificationRows>['execute']>>[number];

const toNotification = (row: Row): Notification => ({
  id: row.id,
  channel: row.channel,
  result: row.result,
  ticketStatus: row.ticket_status as TicketStatus,
  language: row.language as Language,
  recipient: row.recipient,
  body: row.body,
  note: row.note,
  attempts: row.attempts,
  nextAttemptAt: row.result === 'queued' ? row.next_attempt_at : null,
  lastError: row.last_error,
  staff: { id: row.staff_id, name: row.staff_name },
  at: row.at,
  sentAt: row.sent_at,
});

/** Every contact attempt for a ticket, newest first. */
export async function listNotifications(db: Executor, ticketId: string): Promise<Notification[]> {
  const rows = await notificationRows(db)
    .where('n.ticket_id', '=', ticketId)
    .orderBy('n.at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(maxListed)
    .execute();
  return rows.map(toNotification);
}

export async function findNotification(db: Executor, id: string): Promise<Notification | undefined> {
  const row = await notificationRows(db).where('n.id', '=', id).executeTakeFirst();
  return row && toNotification(row);
}
