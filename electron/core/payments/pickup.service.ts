import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { billSchema, type Pickup } from '../../../shared/contract-payments';
import { addDays, calendarDateIn, daysBetween } from '../../../shared/dates';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { pickupStatuses } from '../../../shared/ticket-status';
import { queueSync } from '../changes';
import { keyReused } from '../idempotency';
import { sessionOf, type Ctx } from '../context';
import { dayForWrite } from '../dayclose/business-day';
import { findCategory, findPolicy } from '../catalogue/catalogue.repository';
import type { Executor, PaymentsTable, Tx } from '../db/schema';
import { findDevice } from '../devices/devices.repository';
import { changeTicket, transition, ticketForChange, type Ticket } from '../repair/ticket-change';
import { warrantyNow } from '../repair/warranty-claim.service';
import { handBackDevice } from '../repair/workflow.service';
import { localStore } from '../store/store.repository';
import { staffNames, toLedgerEntry } from './bill.repository';
import { appendPayments, billOf, checkLines, withMoney } from './payments.service';

const isPng = (data: Buffer) => data.subarray(0, 8).toString('hex') === '89504e470d0a1a0a';

/**
 * The guarantees the pickup voucher prints. The repair's own: the same fault within the policy's
 * re-repair days is repaired free (only for a device repaired here). The 三包 warranty, extended by
 * this stay too, while it runs.
 */
async function guarantees(ctx: Ctx, ticket: Ticket, today: string) {
  const device = await findDevice(ctx.core.db, ticket.device_id);
  const category = device && (await findCategory(ctx.core.db, device.category_id));
  const policy = category && (await findPolicy(ctx.core.db, category.warrantyPolicyId));
  if (!policy) return { repair: null, warranty: null };
  const repaired = ticket.status === 'ready';
  const { warrantyEnd } = await warrantyNow(ctx, { ticket: ticket.id });
  const thisStay = daysBetween(ticket.business_date, today);
  const warranty = warrantyEnd && warrantyEnd >= today && repaired ? addDays(warrantyEnd, thisStay) : null;
  return { repair: repaired ? addDays(today, policy.reRepairDays) : null, warranty };
}

/** The pickup voucher of a collected ticket, from what the hand-back stored. */
async function loadPickup(ctx: Ctx, db: Executor, ticketId: string): Promise<Pickup> {
  const pickup =
    (await db.selectFrom('pickups').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst()) ??
    failWith('not_found', 'This ticket has not been collected through the hand-back');
  const [signature, taken, ticket] = await Promise.all([
    db.selectFrom('signatures').selectAll().where('id', '=', pickup.signature_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('payments')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('idempotency_key', '>', `${pickup.idempotency_key}:`)
      .where('idempotency_key', '<', `${pickup.idempotency_key};`)
      .orderBy('at')
      .execute(),
    ticketForChange(db, ctx, ticketId),
  ]);
  const names = await staffNames(db, [pickup.staff_id, ...taken.map((p) => p.staff_id)]);
  return {
    ticketId,
    ticketNo: ticket.ticket_no,
    businessDate: pickup.business_date,
    receipt: pickup.receipt,
    bill: billSchema.parse(JSON.parse(pickup.bill)),
    taken: taken.map((row) => toLedgerEntry(row, names)),
    repairWarrantyUntil: pickup.repair_warranty_until,
    warrantyUntil: pickup.warranty_until,
    signature: { mime: signature.mime, data: Buffer.from(signature.data).toString('base64') },
    staff: { id: pickup.staff_id, name: names.get(pickup.staff_id) ?? '' },
    at: pickup.at,
  };
}

export const voucher = (ctx: Ctx, input: ParsedInputOf<'pickup.voucher'>): Promise<Pickup> =>
  loadPickup(ctx, ctx.core.db, input.ticket);

/**
 * A lost claim receipt: a supervisor checks the customer's identity document and voids the receipt,
 * so the device can be handed over without it. Audited with the document's kind and last characters.
 */
export const lostReceipt = (
  ctx: Ctx,
  input: ParsedInputOf<'pickup.lostReceipt'>,
): Promise<OutputOf<'pickup.lostReceipt'>> =>
  withMoney(
    ctx,
    input.ticket,
    async () => false,
    async ({ trx, ticket }) => {
      if (!(pickupStatuses as readonly string[]).includes(ticket.status) || ticket.claim_void_reason !== '') {
        failWith('invalid_transition', `${ticket.ticket_no} has no claim receipt waiting to be voided`, {
          details: { from: ticket.status, use: 'pickup.lostReceipt' },
        });
      }
      // A change of the ticket like any other: a new version, the event, the audit entry (with who
      // allowed it) and the outbox rows, all from changeTicket.
      const details = { document: input.document, documentTail: input.documentTail, name: input.name };
      await changeTicket(trx, ctx, ticket, {
        action: 'claim_lost',
        note: input.note,
        set: { claim_voided_at: ctx.core.now(), claim_void_reason: 'lost' },
        details: { ...details, verifiedBy: ctx.overrideBy ?? sessionOf(ctx).staffId },
      });
    },
  );

/** A deposit above the final charges goes back the way it came, cash first. */
function excessBack(paid: Partial<Record<PaymentsTable['method'], number>>, owed: number) {
  const lines: { method: PaymentsTable['method']; amountFen: number }[] = [];
  const order = Object.entries(paid).sort(([a], [b]) => Number(b === 'cash') - Number(a === 'cash'));
  for (const [method, fen] of order) {
    const back = Math.min(owed, fen);
    if (back > 0) lines.push({ method: method as PaymentsTable['method'], amountFen: back });
    owed -= back;
  }
  return lines;
}

/**
 * The hand-back in one transaction: the balance paid exactly (or an excess deposit given back), the
 * signature stored, the claim receipt voided, the device handed over in the custody ledger, the ticket
 * collected, and the pickup recorded for the voucher. The same idempotency key answers the same voucher.
 */
export async function save(ctx: Ctx, input: ParsedInputOf<'pickup.save'>): Promise<Pickup> {
  const store = await localStore(ctx);
  const today = calendarDateIn(ctx.core.now(), store.time_zone);
  const signature = Buffer.from(input.signature.data, 'base64');
  if (!isPng(signature))
    failWith('invalid_input', 'The signature is not a PNG', { fields: { signature: 'invalid' } });
  checkLines(input.lines);
  const shown = await ticketForChange(ctx.core.db, ctx, input.ticket);
  const promises = await guarantees(ctx, shown, today);
  const saved = await ctx.core.db.transaction().execute(async (trx: Tx): Promise<Pickup | null> => {
    const repeat = await trx
      .selectFrom('pickups')
      .select('ticket_id')
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (repeat) {
      if (repeat.ticket_id !== input.ticket) failWith('conflict', 'This request was made for another ticket');
      return null; // done the first time: answered from what it stored
    }
    // The key must be new to the payments too: a payment under it means it was used for another request.
    const reused = await trx
      .selectFrom('payments')
      .select('id')
      .where('idempotency_key', '>', `${input.idempotencyKey}:`)
      .where('idempotency_key', '<', `${input.idempotencyKey};`)
      .executeTakeFirst();
    if (reused) keyReused();
    const ticket = await ticketForChange(trx, ctx, input.ticket, input.version);
    if (!(pickupStatuses as readonly string[]).includes(ticket.status)) {
      failWith('invalid_transition', `${ticket.ticket_no} is not waiting to be collected`, {
        details: { from: ticket.status, use: 'pickup.save' },
      });
    }
    const bill = await billOf(ctx, trx, store, ticket);
    const paying = input.lines.reduce((sum, line) => sum + line.amountFen, 0);
    const due = Math.max(0, bill.balanceFen);
    if (paying !== due) {
      failWith('invalid_input', 'The payment must settle the balance', {
        fields: { lines: 'must_settle' },
        details: { balanceFen: bill.balanceFen },
      });
    }
    const businessDate = await dayForWrite(trx, ctx, store, undefined);
    const money = { trx, store, ticket, bill };
    const key = input.idempotencyKey;
    const note = input.note;
    const taken = await appendPayments(money, ctx, {
      kind: 'payment',
      lines: input.lines,
      businessDate,
      key,
      note,
    });
    if (bill.balanceFen < 0) {
      const lines = excessBack(bill.paidByMethod, -bill.balanceFen);
      const back = await appendPayments(money, ctx, {
        kind: 'refund',
        lines,
        businessDate,
        key: `${key}:r`,
        note: 'deposit_excess',
        owed: true,
      });
      taken.push(...back);
    }
    const now = ctx.core.now();
    const { staffId, name } = sessionOf(ctx);
    const signatureRow = {
      id: newId(),
      store_id: store.id,
      ticket_id: ticket.id,
      purpose: 'pickup' as const,
      mime: 'image/png',
      data: signature,
      staff_id: staffId,
      at: now,
    };
    await trx.insertInto('signatures').values(signatureRow).execute();
    // Headquarters gets the signature with the pickup that names it (the PNG as base64).
    await queueSync(trx, ctx, 'signatures', signatureRow.id, { ...signatureRow, data: input.signature.data });
    const receipt = ticket.claim_void_reason === 'lost' ? ('lost' as const) : ('returned' as const);
    const from = ticket.status;
    await transition(trx, ctx, ticket, 'collected', 'pickup', {
      action: 'pickup',
      note,
      set: {
        collected_at: now,
        claim_voided_at: ticket.claim_voided_at ?? now,
        claim_void_reason: receipt,
      },
      details: { receipt, paidFen: paying },
    });
    await handBackDevice(trx, ctx, ticket, from, note);
    const settled = await billOf(ctx, trx, store, await ticketForChange(trx, ctx, ticket.id));
    const pickup = {
      id: newId(),
      store_id: store.id,
      ticket_id: ticket.id,
      business_date: businessDate,
      receipt,
      signature_id: signatureRow.id,
      charges_fen: settled.chargesFen,
      discounts_fen: settled.discountsFen,
      paid_fen: settled.paidFen,
      bill: JSON.stringify(settled),
      repair_warranty_until: promises.repair,
      warranty_until: promises.warranty,
      staff_id: staffId,
      at: now,
      idempotency_key: key,
    };
    await trx.insertInto('pickups').values(pickup).execute();
    await queueSync(trx, ctx, 'pickups', pickup.id, pickup);
    // The voucher from what is in hand: reading it all back would only find the same.
    const names = new Map([[staffId, name]]);
    return {
      ticketId: ticket.id,
      ticketNo: ticket.ticket_no,
      businessDate,
      receipt,
      bill: settled,
      taken: taken.map((row) => toLedgerEntry(row, names)),
      repairWarrantyUntil: promises.repair,
      warrantyUntil: promises.warranty,
      signature: { mime: 'image/png', data: input.signature.data },
      staff: { id: staffId, name },
      at: now,
    };
  });
  return saved ?? loadPickup(ctx, ctx.core.db, input.ticket);
}
