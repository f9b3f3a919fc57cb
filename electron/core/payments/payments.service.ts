import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { Bill, PaymentLine } from '../../../shared/contract-payments';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { isFinalStatus } from '../../../shared/ticket-status';
import { recordChange } from '../changes';
import { keyReused } from '../idempotency';
import { sessionOf, type Ctx } from '../context';
import { currentBusinessDay, dayForWrite } from '../dayclose/business-day';
import type { Executor, PaymentsTable, StoresTable, Tx } from '../db/schema';
import { findTicketRef } from '../goods/ticket-ref';
import { ticketForChange, type Ticket } from '../repair/ticket-change';
import { localStore } from '../store/store.repository';
import { loadBill } from './bill.repository';

type Money = { trx: Tx; store: StoresTable; ticket: Ticket; bill: Bill };

/** The bill of a ticket read in `db` (a transaction when money is about to move against it). */
export async function billOf(ctx: Ctx, db: Executor, store: StoresTable, ticket: Ticket) {
  return loadBill(db, ticket, {
    labourRatePerHourFen: ctx.core.settings.labourRatePerHourFen,
    businessDate: await currentBusinessDay(db, ctx, store),
  });
}

/**
 * Runs a money act on one ticket in one transaction and answers with the bill as it then stands. A
 * request whose idempotency key is already in the ledger did its work the first time: it only reads.
 */
export async function withMoney(
  ctx: Ctx,
  ticketId: string,
  done: (trx: Tx) => Promise<boolean>,
  work: (money: Money) => Promise<void>,
): Promise<Bill> {
  const store = await localStore(ctx); // read first: the transaction holds the one connection
  return ctx.core.db.transaction().execute(async (trx) => {
    const ticket = await ticketForChange(trx, ctx, ticketId);
    if (!(await done(trx))) await work({ trx, store, ticket, bill: await billOf(ctx, trx, store, ticket) });
    return billOf(ctx, trx, store, await ticketForChange(trx, ctx, ticketId));
  });
}

/**
 * Whether a request with this key already wrote its payment lines (`<key>:<n>`). The same request
 * again (a double click, a retry) finds them and writes nothing; a key reused for a different
 * request is refused rather than answered as if it had been done.
 */
export async function paymentsDone(
  trx: Tx,
  key: string,
  request: { ticketId: string; kind: PaymentsTable['kind']; lines: { method: string; amountFen: number }[] },
): Promise<boolean> {
  // The lines' keys sort between `<key>:` and `<key>;` (';' follows ':'), so the unique index finds them.
  const rows = await trx
    .selectFrom('payments')
    .select(['idempotency_key', 'ticket_id', 'kind', 'method', 'amount_fen'])
    .where('idempotency_key', '>', `${key}:`)
    .where('idempotency_key', '<', `${key};`)
    .orderBy('idempotency_key')
    .execute();
  if (rows.length === 0) return false;
  const same =
    rows.length === request.lines.length &&
    request.lines.every((line, i) => {
      const row = rows.find((r) => r.idempotency_key === `${key}:${i}`);
      return (
        row?.ticket_id === request.ticketId &&
        row.kind === request.kind &&
        row.method === line.method &&
        row.amount_fen === line.amountFen
      );
    });
  return same || keyReused();
}

async function discountDone(trx: Tx, key: string, ticketId: string, amountFen: number): Promise<boolean> {
  const row = await trx
    .selectFrom('discounts')
    .select(['ticket_id', 'amount_fen'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return false;
  return (row.ticket_id === ticketId && row.amount_fen === amountFen) || keyReused();
}

/** Cash may carry what was handed over; it cannot be less than the amount. Other methods carry none. */
export function checkLines(lines: PaymentLine[]): void {
  lines.forEach((line, i) => {
    if (line.tenderedFen === undefined) return;
    const field = `lines.${i}.tenderedFen`;
    if (line.method !== 'cash')
      failWith('invalid_input', 'Only cash has change', { fields: { [field]: 'cash_only' } });
    if (line.tenderedFen < line.amountFen) {
      failWith('invalid_input', 'Less was handed over than the amount', {
        fields: { [field]: 'tendered_short' },
      });
    }
  });
}

/** Appends payment lines (the keys `<key>:<n>`) with their audit and outbox rows. */
export async function appendPayments(
  money: Money,
  ctx: Ctx,
  entry: {
    kind: PaymentsTable['kind'];
    lines: PaymentLine[];
    businessDate: string;
    key: string;
    note: string;
    /** A refund the bill itself owes (a deposit above the charges): no one's discretion to approve. */
    owed?: boolean;
  },
): Promise<PaymentsTable[]> {
  const rows: PaymentsTable[] = entry.lines.map((line, i) => ({
    id: newId(),
    store_id: money.store.id,
    ticket_id: money.ticket.id,
    business_date: entry.businessDate,
    kind: entry.kind,
    method: line.method,
    amount_fen: line.amountFen,
    staff_id: sessionOf(ctx).staffId,
    at: ctx.core.now(),
    idempotency_key: `${entry.key}:${i}`,
    note: entry.note,
    tendered_fen: line.tenderedFen ?? null,
    approved_by: entry.kind === 'refund' && !entry.owed ? (ctx.overrideBy ?? sessionOf(ctx).staffId) : null,
  }));
  for (const row of rows) {
    await money.trx.insertInto('payments').values(row).execute();
    await recordChange(money.trx, ctx, {
      action: `payments.${row.kind}`,
      entity: 'payments',
      entityId: row.id,
      row,
      details: { ticketNo: money.ticket.ticket_no, method: row.method, amountFen: row.amount_fen },
    });
  }
  return rows;
}

/** The business day money on this ticket goes into (a named one: not before the ticket existed). */
const dayOf = (money: Money, ctx: Ctx, named: string | undefined): Promise<string> =>
  dayForWrite(money.trx, ctx, money.store, named, money.ticket.business_date);

const refuseClosed = (ticket: Ticket, use: string): void => {
  if (isFinalStatus(ticket.status)) {
    failWith('invalid_transition', `${ticket.ticket_no} is ${ticket.status}: no more money is taken for it`, {
      details: { from: ticket.status, use },
    });
  }
};

export async function bill(ctx: Ctx, input: ParsedInputOf<'payments.bill'>): Promise<Bill> {
  const store = await localStore(ctx);
  return billOf(ctx, ctx.core.db, store, await ticketForChange(ctx.core.db, ctx, input.ticket));
}

/** The ticket a claim receipt names, with its bill: the first thing the hand-back screen shows. */
export async function find(ctx: Ctx, input: ParsedInputOf<'pickup.find'>): Promise<Bill> {
  const store = await localStore(ctx);
  const ref = await findTicketRef(ctx.core.db, store.id, input.code);
  return billOf(ctx, ctx.core.db, store, await ticketForChange(ctx.core.db, ctx, ref.id));
}

/** A deposit, or a payment towards what is due; a payment above the balance is refused. */
export const take = (ctx: Ctx, input: ParsedInputOf<'payments.take'>): Promise<OutputOf<'payments.take'>> =>
  withMoney(
    ctx,
    input.ticket,
    (trx) => paymentsDone(trx, input.idempotencyKey, { ticketId: input.ticket, ...input }),
    async (money) => {
      refuseClosed(money.ticket, 'payments.take');
      checkLines(input.lines);
      const sum = input.lines.reduce((total, line) => total + line.amountFen, 0);
      if (input.kind === 'payment' && sum > money.bill.balanceFen) {
        failWith('invalid_input', 'More than is due', {
          fields: { lines: 'more_than_due' },
          details: { balanceFen: money.bill.balanceFen },
        });
      }
      const businessDate = await dayOf(money, ctx, input.businessDate);
      await appendPayments(money, ctx, { ...input, businessDate, key: input.idempotencyKey });
    },
  );

/** Money back, by one method, never more than was paid by it; allowed by a supervisor. */
export const refund = (
  ctx: Ctx,
  input: ParsedInputOf<'payments.refund'>,
): Promise<OutputOf<'payments.refund'>> =>
  withMoney(
    ctx,
    input.ticket,
    (trx) =>
      paymentsDone(trx, input.idempotencyKey, {
        ticketId: input.ticket,
        kind: 'refund',
        lines: [{ method: input.method, amountFen: input.amountFen }],
      }),
    async (money) => {
      const paid = money.bill.paidByMethod[input.method] ?? 0;
      if (input.amountFen > paid) {
        failWith('invalid_input', 'More than was paid by this method', {
          fields: { amountFen: 'more_than_paid' },
          details: { paidFen: paid },
        });
      }
      const businessDate = await dayOf(money, ctx, input.businessDate);
      const line = { method: input.method, amountFen: input.amountFen };
      await appendPayments(money, ctx, {
        kind: 'refund',
        lines: [line],
        businessDate,
        key: input.idempotencyKey,
        note: input.reason,
      });
    },
  );

/** Less to pay, with the reason and the supervisor who allowed it; never below nothing. */
export const discount = (
  ctx: Ctx,
  input: ParsedInputOf<'payments.discount'>,
): Promise<OutputOf<'payments.discount'>> =>
  withMoney(
    ctx,
    input.ticket,
    (trx) => discountDone(trx, input.idempotencyKey, input.ticket, input.amountFen),
    async (money) => {
      refuseClosed(money.ticket, 'payments.discount');
      const room = money.bill.chargesFen - money.bill.discountsFen;
      if (input.amountFen > room) {
        failWith('invalid_input', 'More than is charged', {
          fields: { amountFen: 'more_than_charged' },
          details: { chargesFen: room },
        });
      }
      const row = {
        id: newId(),
        store_id: money.store.id,
        ticket_id: money.ticket.id,
        business_date: await dayOf(money, ctx, undefined),
        amount_fen: input.amountFen,
        reason: input.reason,
        staff_id: sessionOf(ctx).staffId,
        approved_by: ctx.overrideBy ?? sessionOf(ctx).staffId,
        at: ctx.core.now(),
        idempotency_key: input.idempotencyKey,
      };
      await money.trx.insertInto('discounts').values(row).execute();
      await recordChange(money.trx, ctx, {
        action: 'payments.discount',
        entity: 'discounts',
        entityId: row.id,
        row,
        details: { ticketNo: money.ticket.ticket_no, amountFen: row.amount_fen, reason: row.reason },
      });
    },
  );
