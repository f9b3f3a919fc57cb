import { computeBill } from '../../../shared/bill';
import type { Bill, LedgerEntry } from '../../../shared/contract-payments';
import { pickupStatuses, type TicketStatus } from '../../../shared/ticket-status';
import type { Executor, PaymentsTable } from '../db/schema';
import { deviceName } from '../devices/devices.repository';
import type { Ticket } from '../repair/ticket-change';

type Person = { id: string; name: string };
type Method = PaymentsTable['method'];

/**
 * Parts on the bill, one entry per stock movement in ledger order: a part fitted is charged at its
 * price when fitted; a part taken back comes off at the price the latest fitting of it was charged
 * (so fitting at ¥100, the price rising, fitting again at ¥300 bills ¥400). A part fitted outside the
 * repair card (no price kept) is charged at the catalogue price.
 */
async function partsOf(db: Executor, ticketId: string) {
  const rows = await db
    .selectFrom('stock_movements as m')
    .innerJoin('parts as p', 'p.id', 'm.part_id')
    .leftJoin('repair_parts as r', 'r.movement_id', 'm.id')
    .select(['m.part_id', 'm.quantity', 'p.price_fen', 'r.price_fen as fitted_price_fen'])
    .where('m.ticket_id', '=', ticketId)
    .where('m.kind', '=', 'used')
    .orderBy('m.seq')
    .execute();
  const lastFitted = new Map<string, number>();
  return rows.map((row) => {
    const quantity = -row.quantity; // a use takes stock out: negative in the stock ledger
    const price =
      row.fitted_price_fen ?? (quantity < 0 ? lastFitted.get(row.part_id) : undefined) ?? row.price_fen;
    if (quantity > 0) lastFitted.set(row.part_id, price);
    return { quantity, priceFen: price };
  });
}

export const toLedgerEntry = (row: PaymentsTable, names: Map<string, string>): LedgerEntry => {
  const person = (id: string): Person => ({ id, name: names.get(id) ?? '' });
  return {
    id: row.id,
    kind: row.kind,
    method: row.method,
    amountFen: row.amount_fen,
    tenderedFen: row.tendered_fen,
    changeFen: row.tendered_fen === null ? null : row.tendered_fen - row.amount_fen,
    businessDate: row.business_date,
    staff: person(row.staff_id),
    approvedBy: row.approved_by ? person(row.approved_by) : null,
    at: row.at,
    note: row.note,
  };
};

/** Names of the staff ids given, for showing who did what. */
export async function staffNames(db: Executor, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Net paid per method: deposits and payments less refunds. */
export function paidByMethod(rows: Pick<PaymentsTable, 'kind' | 'method' | 'amount_fen'>[]) {
  const paid: Partial<Record<Method, number>> = {};
  for (const row of rows) {
    paid[row.method] = (paid[row.method] ?? 0) + (row.kind === 'refund' ? -row.amount_fen : row.amount_fen);
  }
  return paid;
}

/**
 * The bill of a ticket (shared/bill.ts) with its money ledger: read inside the caller's transaction
 * when it is about to take money against it.
 */
export async function loadBill(
  db: Executor,
  ticket: Ticket,
  options: { labourRatePerHourFen: number; businessDate: string },
): Promise<Bill> {
  const [who, labour, parts, payments, discounts] = await Promise.all([
    db
      .selectFrom('tickets as t')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .innerJoin('devices as d', 'd.id', 't.device_id')
      .select(['c.name', 'd.brand', 'd.model'])
      .where('t.id', '=', ticket.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('labour_entries')
      .select(({ fn, lit }) => fn.coalesce(fn.sum<number>('minutes'), lit(0)).as('minutes'))
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow(),
    partsOf(db, ticket.id),
    db.selectFrom('payments').selectAll().where('ticket_id', '=', ticket.id).orderBy('at').execute(),
    db.selectFrom('discounts').selectAll().where('ticket_id', '=', ticket.id).orderBy('at').execute(),
  ]);
  const phone = await db
    .selectFrom('customer_phones')
    .select('phone')
    .where('customer_id', '=', ticket.customer_id)
    .orderBy('phone')
    .executeTakeFirst();
  const names = await staffNames(db, [
    ...payments.flatMap((p) => [p.staff_id, p.approved_by ?? p.staff_id]),
    ...discounts.flatMap((d) => [d.staff_id, d.approved_by]),
  ]);
  const total = (kind: PaymentsTable['kind']) =>
    payments.filter((p) => p.kind === kind).reduce((sum, p) => sum + p.amount_fen, 0);
  const quote = ticket.approved_fen ?? (ticket.estimate_fen > 0 ? ticket.estimate_fen : null);
  const totals = computeBill({
    chargeBasis: ticket.charge_basis,
    labourMinutes: Number(labour.minutes),
    labourRatePerHourFen: options.labourRatePerHourFen,
    parts,
    diagnosisFeeFen: ticket.diagnosis_fee_fen,
    quoteFen: quote,
    discountsFen: discounts.reduce((sum, d) => sum + d.amount_fen, 0),
    depositsFen: total('deposit'),
    paymentsFen: total('payment'),
    refundsFen: total('refund'),
  });
  const person = (id: string): Person => ({ id, name: names.get(id) ?? '' });
  return {
    ticketId: ticket.id,
    ticketNo: ticket.ticket_no,
    status: ticket.status as TicketStatus,
    version: ticket.version,
    customerName: who.name,
    customerPhone: phone?.phone ?? '',
    device: deviceName(who.brand, who.model),
    serviceType: ticket.service_type,
    chargeBasis: ticket.charge_basis,
    labourMinutes: Number(labour.minutes),
    ...totals,
    paidByMethod: paidByMethod(payments),
    entries: payments.map((row) => toLedgerEntry(row, names)),
    discounts: discounts.map((d) => ({
      amountFen: d.amount_fen,
      reason: d.reason,
      staff: person(d.staff_id),
      approvedBy: person(d.approved_by),
      at: d.at,
    })),
    claimReceipt: ticket.claim_void_reason === '' ? 'held' : ticket.claim_void_reason,
    collectable: (pickupStatuses as readonly string[]).includes(ticket.status),
    businessDate: options.businessDate,
  };
}
