import type { Complaint } from '../../../shared/contract-quality';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { queueSync, recordChange } from '../changes';
import { sessionOf, type Ctx } from '../context';
import type { Executor, Tx } from '../db/schema';
import { keyReused } from '../idempotency';
import { scheduleComplaintFollowUp } from './followups.service';
import type { ComplaintEventsTable, ComplaintsTable } from './quality.tables';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

type NewComplaint = {
  ticketId: string | null;
  source: ComplaintsTable['source'];
  severity: ComplaintsTable['severity'];
  customerName: string;
  customerPhone: string;
  summary: string;
  ownerId: string | null;
  idempotencyKey: string;
};

/** Complaints as the board shows them; `escalated` when a deadline passed with its step not done. */
async function complaintViews(
  db: Executor,
  ctx: Ctx,
  filter: { id?: string; open?: boolean; since?: number },
) {
  let query = db
    .selectFrom('complaints as k')
    .leftJoin('tickets as t', 't.id', 'k.ticket_id')
    .leftJoin('staff as o', 'o.id', 'k.owner_id')
    .selectAll('k')
    .select(['t.ticket_no', 'o.name as owner_name'])
    .where('k.store_id', '=', ctx.core.storeId ?? '');
  if (filter.id) query = query.where('k.id', '=', filter.id);
  if (filter.open === true) query = query.where('k.resolved_at', 'is', null);
  if (filter.open === false) query = query.where('k.resolved_at', '>=', filter.since ?? 0);
  const rows = await query.orderBy('k.resolve_due_at').orderBy('k.id').limit(500).execute();
  const now = ctx.core.now();
  return rows.map((row): Complaint => ({
    id: row.id,
    ticketId: row.ticket_id,
    ticketNo: row.ticket_no ?? null,
    source: row.source,
    severity: row.severity,
    customerName: row.customer_name,
    customerPhone: row.customer_phone,
    summary: row.summary,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    replyDueAt: row.reply_due_at,
    resolveDueAt: row.resolve_due_at,
    repliedAt: row.replied_at,
    reply: row.reply,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
    acceptance: row.acceptance,
    escalated:
      (row.replied_at === null && now > row.reply_due_at) ||
      (row.resolved_at === null && now > row.resolve_due_at),
    version: row.version,
    createdAt: row.created_at,
  }));
}

async function viewOf(db: Executor, ctx: Ctx, id: string): Promise<Complaint> {
  const [view] = await complaintViews(db, ctx, { id });
  return view ?? failWith('not_found', 'No such complaint');
}

async function event(trx: Tx, ctx: Ctx, complaintId: string, kind: ComplaintEventsTable['kind'], note = '') {
  const row = {
    id: newId(),
    complaint_id: complaintId,
    kind,
    note,
    staff_id: sessionOf(ctx).staffId,
    at: ctx.core.now(),
  };
  await trx.insertInto('complaint_events').values(row).execute();
  await queueSync(trx, ctx, 'complaint_events', row.id, row);
}

/**
 * Opens a complaint inside the caller's transaction, its deadlines from the store's policy (reply
 * within 24 hours, resolve within 30 days by default).
 */
export async function openComplaint(trx: Tx, ctx: Ctx, input: NewComplaint): Promise<ComplaintsTable> {
  const now = ctx.core.now();
  const { complaintReplyHours, complaintResolveDays } = ctx.core.settings;
  const row: ComplaintsTable = {
    id: newId(),
    store_id: ctx.core.storeId ?? '',
    ticket_id: input.ticketId,
    source: input.source,
    severity: input.severity,
    customer_name: input.customerName,
    customer_phone: input.customerPhone,
    summary: input.summary,
    owner_id: input.ownerId,
    reply_due_at: now + complaintReplyHours * hourMs,
    resolve_due_at: now + complaintResolveDays * dayMs,
    replied_at: null,
    reply: '',
    resolved_at: null,
    resolution: '',
    acceptance: null,
    created_by: sessionOf(ctx).staffId,
    created_at: now,
    updated_at: now,
    version: 1,
    idempotency_key: input.idempotencyKey,
  };
  await trx.insertInto('complaints').values(row).execute();
  await recordChange(trx, ctx, {
    action: 'complaints.log',
    entity: 'complaints',
    entityId: row.id,
    row,
    details: { source: row.source, severity: row.severity, ticketId: row.ticket_id },
  });
  await event(trx, ctx, row.id, 'logged', input.summary);
  return row;
}

/** A complaint from a call or the counter, about a ticket (by its number) or not. */
export async function logComplaint(
  ctx: Ctx,
  input: ParsedInputOf<'complaints.log'>,
): Promise<OutputOf<'complaints.log'>> {
  const id = await ctx.core.db.transaction().execute(async (trx) => {
    const ticket = input.ticketNo
      ? await trx
          .selectFrom('tickets')
          .select('id')
          .where('ticket_no', '=', input.ticketNo.trim().toUpperCase())
          .where('store_id', '=', ctx.core.storeId ?? '')
          .executeTakeFirst()
      : undefined;
    if (input.ticketNo && !ticket)
      failWith('not_found', 'No such ticket', { fields: { ticketNo: 'unknown_ticket' } });
    if (input.ownerId) await requireStaff(trx, input.ownerId);
    const done = await trx
      .selectFrom('complaints')
      .selectAll()
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (done) {
      if (done.summary !== input.summary || done.customer_phone !== input.customerPhone) keyReused();
      return done.id;
    }
    const row = await openComplaint(trx, ctx, {
      ticketId: ticket?.id ?? null,
      source: input.source,
      severity: input.severity,
      customerName: input.customerName,
      customerPhone: input.customerPhone,
      summary: input.summary,
      ownerId: input.ownerId ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    return row.id;
  });
  return viewOf(ctx.core.db, ctx, id);
}

async function requireStaff(db: Executor, id: string) {
  const staff = await db
    .selectFrom('staff')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!staff) failWith('not_found', 'No such staff member', { fields: { ownerId: 'unknown_staff' } });
}

export async function complaintBoard(ctx: Ctx): Promise<OutputOf<'complaints.board'>> {
  const [open, resolved] = await Promise.all([
    complaintViews(ctx.core.db, ctx, { open: true }),
    complaintViews(ctx.core.db, ctx, { open: false, since: ctx.core.now() - 30 * dayMs }),
  ]);
  return { open, resolved };
}

/**
 * One step on a complaint, checked against the version the screen showed and the order of steps
 * (reply, resolve, the customer's answer), written with its event in one transaction.
 */
async function step(
  ctx: Ctx,
  input: { id: string; version: number },
  apply: (
    row: ComplaintsTable,
    now: number,
  ) => { set: Partial<ComplaintsTable>; kind: ComplaintEventsTable['kind']; note: string },
  after?: (trx: Tx, row: ComplaintsTable) => Promise<void>,
): Promise<Complaint> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', input.id)
      .where('store_id', '=', ctx.core.storeId ?? '')
      .executeTakeFirst();
    if (!row) return failWith('not_found', 'No such complaint');
    if (row.version !== input.version)
      return failWith('changed_meanwhile', 'This complaint was changed meanwhile; reload it');
    const now = ctx.core.now();
    const { set, kind, note } = apply(row, now);
    const updated = { ...row, ...set, updated_at: now, version: row.version + 1 };
    await trx
      .updateTable('complaints')
      .set({ ...set, updated_at: now, version: updated.version })
      .where('id', '=', row.id)
      .execute();
    await recordChange(trx, ctx, {
      action: `complaints.${kind}`,
      entity: 'complaints',
      entityId: row.id,
      row: updated,
    });
    await event(trx, ctx, row.id, kind, note);
    await after?.(trx, updated);
  });
  return viewOf(ctx.core.db, ctx, input.id);
}

export async function assignComplaint(ctx: Ctx, input: ParsedInputOf<'complaints.assign'>) {
  await requireStaff(ctx.core.db, input.ownerId);
  return step(ctx, input, (row) => {
    if (row.resolved_at !== null) failWith('invalid_transition', 'This complaint is resolved');
    return { set: { owner_id: input.ownerId }, kind: 'assigned', note: input.ownerId };
  });
}

export const replyComplaint = (ctx: Ctx, input: ParsedInputOf<'complaints.reply'>) =>
  step(ctx, input, (row, now) => {
    if (row.resolved_at !== null) failWith('invalid_transition', 'This complaint is resolved');
    return {
      set: { reply: input.reply, replied_at: row.replied_at ?? now },
      kind: 'replied',
      note: input.reply,
    };
  });

/** Resolved: the customer is called back later to hear whether it stays resolved. */
export const resolveComplaint = (ctx: Ctx, input: ParsedInputOf<'complaints.resolve'>) =>
  step(
    ctx,
    input,
    (row, now) => {
      if (row.replied_at === null)
        failWith('invalid_transition', 'Reply to the customer first', {
          fields: { resolution: 'reply_first' },
        });
      if (row.resolved_at !== null) failWith('invalid_transition', 'This complaint is resolved');
      return {
        set: { resolution: input.resolution, resolved_at: now },
        kind: 'resolved',
        note: input.resolution,
      };
    },
    (trx, row) => scheduleComplaintFollowUp(trx, ctx, row),
  );

export const acceptComplaint = (ctx: Ctx, input: ParsedInputOf<'complaints.accept'>) =>
  step(ctx, input, (row) => {
    if (row.resolved_at === null) failWith('invalid_transition', 'Resolve it first');
    if (row.acceptance !== null) failWith('invalid_transition', 'The customer has answered already');
    const acceptance = input.accepted ? 'accepted' : 'not_accepted';
    return { set: { acceptance }, kind: acceptance, note: input.note };
  });
