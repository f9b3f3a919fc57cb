import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { RepairCall } from '../../../shared/contract-repair-calls';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { recordChange } from '../changes';
import { sessionOf, type Ctx } from '../context';
import type { Executor, Tx } from '../db/schema';
import { keyReused } from '../idempotency';
import type { RepairCallsTable } from './quality.tables';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

async function callViews(
  db: Executor,
  ctx: Ctx,
  filter: { id?: string; open?: boolean; closedSince?: number },
) {
  let query = db
    .selectFrom('repair_calls as c')
    .leftJoin('tickets as t', 't.id', 'c.ticket_id')
    .selectAll('c')
    .select('t.ticket_no')
    .where('c.store_id', '=', ctx.core.storeId ?? '');
  if (filter.id) query = query.where('c.id', '=', filter.id);
  if (filter.open === true) query = query.where('c.closed_at', 'is', null).orderBy('c.answer_due_at');
  if (filter.open === false) {
    query = query.where('c.closed_at', '>=', filter.closedSince ?? 0).orderBy('c.closed_at', 'desc');
  }
  const rows = await query.orderBy('c.id').limit(500).execute();
  const now = ctx.core.now();
  return rows.map((row): RepairCall => ({
    id: row.id,
    customerName: row.customer_name,
    customerPhone: row.customer_phone,
    categoryId: row.category_id,
    brand: row.brand,
    model: row.model,
    fault: row.fault,
    address: row.address,
    calledAt: row.called_at,
    answerDueAt: row.answer_due_at,
    answeredAt: row.answered_at,
    answer: row.answer,
    overdue: row.answered_at === null && row.closed_at === null && now > row.answer_due_at,
    ticketId: row.ticket_id,
    ticketNo: row.ticket_no ?? null,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
    version: row.version,
  }));
}

async function viewOf(db: Executor, ctx: Ctx, id: string): Promise<RepairCall> {
  const [view] = await callViews(db, ctx, { id });
  return view ?? failWith('not_found', 'No such repair call');
}

/** A phoned-in repair request, due an answer within the store's hours (4 by default). */
export async function logRepairCall(
  ctx: Ctx,
  input: ParsedInputOf<'repairCalls.log'>,
): Promise<OutputOf<'repairCalls.log'>> {
  const id = await ctx.core.db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('repair_calls')
      .selectAll()
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (done) {
      if (done.fault !== input.fault || done.customer_phone !== input.customerPhone) keyReused();
      return done.id;
    }
    if (input.categoryId) {
      const category = await trx
        .selectFrom('categories')
        .select('id')
        .where('id', '=', input.categoryId)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (!category)
        failWith('invalid_input', 'Unknown category', { fields: { categoryId: 'unknown_category' } });
    }
    const now = ctx.core.now();
    const row: RepairCallsTable = {
      id: newId(),
      store_id: ctx.core.storeId ?? '',
      customer_name: input.customerName,
      customer_phone: input.customerPhone,
      category_id: input.categoryId,
      brand: input.brand,
      model: input.model,
      fault: input.fault,
      address: input.address,
      called_at: now,
      answer_due_at: now + ctx.core.settings.repairCallAnswerHours * hourMs,
      answered_at: null,
      answer: '',
      answered_by: null,
      ticket_id: null,
      closed_at: null,
      close_reason: null,
      created_by: sessionOf(ctx).staffId,
      created_at: now,
      updated_at: now,
      version: 1,
      idempotency_key: input.idempotencyKey,
    };
    await trx.insertInto('repair_calls').values(row).execute();
    await recordChange(trx, ctx, {
      action: 'repairCalls.log',
      entity: 'repair_calls',
      entityId: row.id,
      row,
      details: { categoryId: row.category_id },
    });
    return row.id;
  });
  return viewOf(ctx.core.db, ctx, id);
}

export async function listRepairCalls(
  ctx: Ctx,
  input: ParsedInputOf<'repairCalls.list'>,
): Promise<OutputOf<'repairCalls.list'>> {
  return input.view === 'open'
    ? callViews(ctx.core.db, ctx, { open: true })
    : callViews(ctx.core.db, ctx, { open: false, closedSince: ctx.core.now() - 30 * dayMs });
}

export const getRepairCall = (ctx: Ctx, input: ParsedInputOf<'repairCalls.get'>): Promise<RepairCall> =>
  viewOf(ctx.core.db, ctx, input.id);

/** Changes an open call at the version the screen showed, with its audit entry and outbox row. */
async function change(
  trx: Tx,
  ctx: Ctx,
  input: { id: string; version: number },
  action: string,
  set: (now: number) => Partial<RepairCallsTable>,
  details: Record<string, unknown> = {},
): Promise<void> {
  const now = ctx.core.now();
  const row = await trx
    .updateTable('repair_calls')
    .set({ ...set(now), updated_at: now, version: input.version + 1 })
    .where('id', '=', input.id)
    .where('store_id', '=', ctx.core.storeId ?? '')
    .where('version', '=', input.version)
    .where('closed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const exists = await trx
      .selectFrom('repair_calls')
      .select('closed_at')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!exists) return failWith('not_found', 'No such repair call');
    return failWith('changed_meanwhile', 'The repair call was changed or closed meanwhile; reload it');
  }
  await recordChange(trx, ctx, { action, entity: 'repair_calls', entityId: row.id, row, details });
}

export async function answerRepairCall(
  ctx: Ctx,
  input: ParsedInputOf<'repairCalls.answer'>,
): Promise<OutputOf<'repairCalls.answer'>> {
  await ctx.core.db.transaction().execute(async (trx) => {
    // The first answer is the one the deadline is judged by: it is not overwritten.
    const call = await trx
      .selectFrom('repair_calls')
      .select('answered_at')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (call && call.answered_at !== null)
      return failWith('invalid_transition', 'This call was answered already');
    await change(trx, ctx, input, 'repairCalls.answer', (now) => ({
      answered_at: now,
      answer: input.answer,
      answered_by: sessionOf(ctx).staffId,
    }));
  });
  return viewOf(ctx.core.db, ctx, input.id);
}

export async function cancelRepairCall(
  ctx: Ctx,
  input: ParsedInputOf<'repairCalls.cancel'>,
): Promise<OutputOf<'repairCalls.cancel'>> {
  await ctx.core.db
    .transaction()
    .execute((trx) =>
      change(
        trx,
        ctx,
        input,
        'repairCalls.cancel',
        (now) => ({ closed_at: now, close_reason: 'cancelled' }),
        { reason: input.reason },
      ),
    );
  return viewOf(ctx.core.db, ctx, input.id);
}

/**
 * The device a call was about has come in: the intake's transaction closes the call with its ticket
 * (and, if nobody had called back yet, answers it with the ticket number, at that moment).
 * A call already closed (taken in at another counter, cancelled) refuses the intake.
 */
export async function convertRepairCall(
  trx: Tx,
  ctx: Ctx,
  callId: string,
  ticket: { id: string; ticket_no: string },
): Promise<void> {
  const call = await trx
    .selectFrom('repair_calls')
    .select(['version', 'answered_at'])
    .where('id', '=', callId)
    .where('store_id', '=', ctx.core.storeId ?? '')
    .executeTakeFirst();
  if (!call)
    return failWith('not_found', 'No such repair call', { fields: { repairCallId: 'unknown_call' } });
  await change(
    trx,
    ctx,
    { id: callId, version: call.version },
    'repairCalls.convert',
    (now) => ({
      closed_at: now,
      close_reason: 'converted',
      ticket_id: ticket.id,
      // Taken in before anyone called back: the intake is the answer, on time or not.
      ...(call.answered_at === null
        ? { answered_at: now, answer: ticket.ticket_no, answered_by: sessionOf(ctx).staffId }
        : {}),
    }),
    { ticketId: ticket.id },
  );
}
