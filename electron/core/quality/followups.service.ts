import { createHash } from 'node:crypto';
import { dissatisfiedAtMost, satisfactionLevels, type FollowUp } from '../../../shared/contract-quality';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { queueSync, recordChange } from '../changes';
import { sessionOf, type Ctx } from '../context';
import type { Executor, Tx } from '../db/schema';
import { keyReused } from '../idempotency';
import { refreshWorkCredits } from '../reports/work-credits';
import type { Ticket } from '../repair/ticket-change';
import { openComplaint } from './complaints.service';
import type { FollowUpsTable } from './quality.tables';

const hourMs = 3_600_000;

/** The complaint a dissatisfied call opens, in the store's language (it is the store's record). */
const dissatisfiedSummary = (ctx: Ctx, satisfaction: number, comment: string) =>
  ctx.core.settings.language === 'en'
    ? `Dissatisfied at the follow-up call (${satisfaction}/5): ${comment || 'no reason given'}`
    : `回访不满意（${satisfaction} 分）：${comment || '未说明原因'}`;

/**
 * Whether an ordinary repair is among the share called back: decided by the ticket's id, so the same
 * ticket always gets the same answer and the share holds over many tickets.
 */
export const sampled = (ticketId: string, sharePercent: number): boolean =>
  Number.parseInt(createHash('sha256').update(ticketId).digest('hex').slice(0, 8), 16) % 100 < sharePercent;

/** The technician who did most of the work (labour minutes), whom the rating is about. */
async function mainTechnician(db: Executor, ticketId: string): Promise<string | null> {
  const row = await db
    .selectFrom('labour_entries')
    .select(['technician_id', (eb) => eb.fn.sum<number>('minutes').as('minutes')])
    .where('ticket_id', '=', ticketId)
    .groupBy('technician_id')
    .orderBy('minutes', 'desc')
    .orderBy('technician_id')
    .executeTakeFirst();
  return row && Number(row.minutes) > 0 ? row.technician_id : null;
}

/** One follow-up per ticket and reason (per complaint): a second is no row, and nothing to sync. */
async function insertFollowUp(trx: Tx, ctx: Ctx, row: FollowUpsTable) {
  const inserted = await trx
    .insertInto('follow_ups')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
    await queueSync(trx, ctx, 'follow_ups', row.id, row);
}

/**
 * A ticket has just been handed back or refunded: a 三包 replacement or refund is always called
 * back, an ordinary repair when it falls in the store's share. Inside the caller's transaction.
 */
export async function scheduleFollowUp(trx: Tx, ctx: Ctx, ticket: Ticket): Promise<void> {
  const warranty = ticket.outcome === 'replace' || ticket.outcome === 'refund';
  const settings = ctx.core.settings;
  if (!warranty && !sampled(ticket.id, settings.followUpSharePercent)) return;
  const now = ctx.core.now();
  await insertFollowUp(trx, ctx, {
    id: newId(),
    store_id: ticket.store_id,
    ticket_id: ticket.id,
    complaint_id: null,
    reason: warranty ? 'warranty' : 'sampled',
    technician_id: await mainTechnician(trx, ticket.id),
    due_at: now + settings.followUpDueHours * hourMs,
    created_at: now,
    closed_at: null,
  });
}

/** After a complaint is resolved, the customer is called to hear whether it stays resolved. */
export async function scheduleComplaintFollowUp(
  trx: Tx,
  ctx: Ctx,
  complaint: { id: string; store_id: string; ticket_id: string | null },
): Promise<void> {
  const now = ctx.core.now();
  await insertFollowUp(trx, ctx, {
    id: newId(),
    store_id: complaint.store_id,
    ticket_id: complaint.ticket_id,
    complaint_id: complaint.id,
    reason: 'complaint',
    technician_id: complaint.ticket_id ? await mainTechnician(trx, complaint.ticket_id) : null,
    due_at: now + ctx.core.settings.followUpDueHours * hourMs,
    created_at: now,
    closed_at: null,
  });
}

/** Follow-ups as the caller's list shows them: whom to call, about what, by when. */
async function followUpViews(db: Executor, ctx: Ctx, where: { id?: string; openOnly: boolean }) {
  let query = db
    .selectFrom('follow_ups as f')
    .leftJoin('tickets as t', 't.id', 'f.ticket_id')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('devices as d', 'd.id', 't.device_id')
    .leftJoin('complaints as k', 'k.id', 'f.complaint_id')
    .select((eb) => [
      'f.id',
      'f.reason',
      'f.ticket_id',
      't.ticket_no',
      'f.complaint_id',
      'f.due_at',
      'f.closed_at',
      'c.name as customer',
      'k.customer_name as complainant',
      'k.customer_phone as complainant_phone',
      'k.summary',
      'd.brand',
      'd.model',
      't.reported_fault',
      eb
        .selectFrom('customer_phones as p')
        .select('p.phone')
        .whereRef('p.customer_id', '=', 't.customer_id')
        .orderBy('p.phone')
        .limit(1)
        .as('phone'),
      eb
        .selectFrom('follow_up_calls as a')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('a.follow_up_id', '=', 'f.id')
        .as('attempts'),
    ])
    .where('f.store_id', '=', ctx.core.storeId ?? '');
  if (where.id) query = query.where('f.id', '=', where.id);
  if (where.openOnly) query = query.where('f.closed_at', 'is', null);
  const rows = await query.orderBy('f.due_at').orderBy('f.id').limit(500).execute();
  const now = ctx.core.now();
  return rows.map((row): FollowUp => ({
    id: row.id,
    reason: row.reason,
    ticketId: row.ticket_id,
    ticketNo: row.ticket_no ?? null,
    complaintId: row.complaint_id,
    customerName: row.complainant ?? row.customer ?? '',
    customerPhone: row.complainant_phone ?? row.phone ?? '',
    subject: row.summary ?? [row.brand, row.model, row.reported_fault].filter(Boolean).join(' · '),
    dueAt: row.due_at,
    overdue: row.closed_at === null && row.due_at < now,
    attempts: Number(row.attempts ?? 0),
    closedAt: row.closed_at,
  }));
}

export async function followUpQueue(
  ctx: Ctx,
  input: ParsedInputOf<'followups.queue'>,
): Promise<OutputOf<'followups.queue'>> {
  const open = await followUpViews(ctx.core.db, ctx, { openOnly: true });
  return input.view === 'overdue' ? open.filter((followUp) => followUp.overdue) : open;
}

/**
 * Records one call. Reached, the follow-up closes with the customer's rating (tied to the ticket and
 * the technician who did the work); dissatisfied, a complaint opens in the same transaction. Not
 * reached, it stays in the queue. The same idempotency key answers the same call.
 */
export async function recordFollowUpCall(
  ctx: Ctx,
  input: ParsedInputOf<'followups.record'>,
): Promise<OutputOf<'followups.record'>> {
  const staff = sessionOf(ctx);
  const satisfaction =
    input.level !== undefined ? satisfactionLevels[input.level] : (input.satisfaction ?? null);
  const complaintId = await ctx.core.db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('follow_up_calls')
      .selectAll()
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (done) {
      const same =
        done.follow_up_id === input.followUpId &&
        done.reached === (input.reached ? 1 : 0) &&
        done.satisfaction === satisfaction &&
        done.comment === input.comment;
      if (!same) keyReused();
      const opened = await trx
        .selectFrom('complaints')
        .select('id')
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirst();
      return opened?.id ?? null;
    }
    const followUp = await trx
      .selectFrom('follow_ups')
      .selectAll()
      .where('id', '=', input.followUpId)
      .where('store_id', '=', ctx.core.storeId ?? '')
      .executeTakeFirst();
    if (!followUp) return failWith('not_found', 'No such follow-up');
    if (followUp.closed_at !== null) return failWith('invalid_transition', 'This follow-up is done');
    const now = ctx.core.now();
    const call = {
      id: newId(),
      follow_up_id: followUp.id,
      reached: input.reached ? (1 as const) : (0 as const),
      satisfaction,
      comment: input.comment,
      staff_id: staff.staffId,
      at: now,
      idempotency_key: input.idempotencyKey,
    };
    await trx.insertInto('follow_up_calls').values(call).execute();
    await recordChange(trx, ctx, {
      action: 'followups.record',
      entity: 'follow_up_calls',
      entityId: call.id,
      row: call,
      details: { followUpId: followUp.id, reached: input.reached, satisfaction },
    });
    if (!input.reached) return null;
    const closed = { ...followUp, closed_at: now };
    await trx.updateTable('follow_ups').set({ closed_at: now }).where('id', '=', followUp.id).execute();
    await queueSync(trx, ctx, 'follow_ups', followUp.id, closed);
    if (followUp.ticket_id) await refreshWorkCredits(trx, followUp.ticket_id); // the rating, for the reports
    if (satisfaction === null || satisfaction > dissatisfiedAtMost) return null;
    // Dissatisfied: a complaint, about the same ticket, from this call.
    const [view] = await followUpViews(trx, ctx, { id: followUp.id, openOnly: false });
    const complaint = await openComplaint(trx, ctx, {
      ticketId: followUp.ticket_id,
      source: 'follow_up',
      severity: 'normal',
      customerName: view?.customerName || '—',
      customerPhone: view?.customerPhone ?? '',
      summary: dissatisfiedSummary(ctx, satisfaction, input.comment),
      ownerId: null,
      idempotencyKey: input.idempotencyKey,
    });
    return complaint.id;
  });
  const [followUp] = await followUpViews(ctx.core.db, ctx, { id: input.followUpId, openOnly: false });
  if (!followUp) return failWith('not_found', 'No such follow-up');
  return { followUp, complaintId };
}
