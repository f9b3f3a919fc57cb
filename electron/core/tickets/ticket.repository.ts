import { sql } from 'kysely';
import { finalStatuses, pickupStatuses } from '../../../shared/ticket-status';
import type { OutputOf } from '../../../shared/contract';
import type { CustomersTable, DevicesTable, Executor, TicketsTable } from '../db/schema';
import { toDevice } from '../devices/devices.repository';
import { phonesOf } from '../customers/customers.repository';

export type TicketDetail = OutputOf<'tickets.get'>;
export type TicketRow = OutputOf<'tickets.list'>[number];

/** Statuses in which the store owes no more work: never overdue (shared/ticket-status.ts). */
const closedStatuses: string[] = [...pickupStatuses, ...finalStatuses];

export async function loadTicketDetail(
  db: Executor,
  where: { id: string } | { ticketNo: string },
): Promise<TicketDetail | undefined> {
  const base = db.selectFrom('tickets').selectAll();
  const ticket = await (
    'id' in where ? base.where('id', '=', where.id) : base.where('ticket_no', '=', where.ticketNo)
  ).executeTakeFirst();
  if (!ticket) return undefined;
  const [customer, device, staff, deposits, photos, prints, original, phones] = await Promise.all([
    db.selectFrom('customers').selectAll().where('id', '=', ticket.customer_id).executeTakeFirstOrThrow(),
    db.selectFrom('devices').selectAll().where('id', '=', ticket.device_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('id', '=', ticket.received_by)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('payments')
      .select(['method', 'amount_fen'])
      .where('ticket_id', '=', ticket.id)
      .where('kind', '=', 'deposit')
      .orderBy('at')
      .execute(),
    db
      .selectFrom('ticket_photos')
      .select('id')
      .where('ticket_id', '=', ticket.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('print_log')
      .select(['document', (eb) => eb.fn.countAll<number>().as('n')])
      .where('ticket_id', '=', ticket.id)
      .groupBy('document')
      .execute(),
    ticket.re_repair_of
      ? db
          .selectFrom('tickets')
          .select(['id', 'ticket_no'])
          .where('id', '=', ticket.re_repair_of)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    phonesOf(db, [ticket.customer_id]),
  ]);
  return detailOf(ticket, {
    customer,
    phones: phones.get(customer.id) ?? [],
    device,
    receivedBy: staff,
    deposits: deposits.map((d) => ({ method: d.method, amountFen: d.amount_fen })),
    photoIds: photos.map((p) => p.id),
    printed: Object.fromEntries(prints.map((p) => [p.document, Number(p.n)])),
    reRepairOf: original ? { id: original.id, ticketNo: original.ticket_no } : null,
  });
}

/** What a ticket's detail shows besides its own row. */
export type TicketRelated = {
  customer: CustomersTable;
  phones: string[];
  device: DevicesTable;
  receivedBy: TicketDetail['receivedBy'];
  deposits: TicketDetail['deposits'];
  photoIds: string[];
  printed: TicketDetail['printed'];
  reRepairOf: TicketDetail['reRepairOf'];
};

/** A ticket row and what it relates to, as the contract's ticket detail. */
export function detailOf(ticket: TicketsTable, related: TicketRelated): TicketDetail {
  const { customer, device } = related;
  return {
    id: ticket.id,
    ticketNo: ticket.ticket_no,
    businessDate: ticket.business_date,
    status: ticket.status,
    serviceType: ticket.service_type,
    priority: ticket.priority,
    customer: {
      id: customer.id,
      name: customer.name,
      phones: related.phones,
      address: customer.address,
      notes: customer.notes,
    },
    device: toDevice(device),
    reportedFault: ticket.reported_fault,
    faultCodes: JSON.parse(ticket.fault_codes) as string[],
    condition: JSON.parse(ticket.condition) as TicketDetail['condition'],
    conditionNote: ticket.condition_note,
    accessories: JSON.parse(ticket.accessories) as string[],
    accessoriesNote: ticket.accessories_note,
    passcode: ticket.passcode,
    warrantyPart: ticket.warranty_part,
    userDamage: ticket.user_damage === 1,
    warranty: JSON.parse(ticket.warranty) as TicketDetail['warranty'],
    serviceTypeReason: ticket.service_type_reason,
    estimateFen: ticket.estimate_fen,
    diagnosisFeeFen: ticket.diagnosis_fee_fen,
    costLimitFen: ticket.cost_limit_fen,
    deposits: related.deposits,
    promisedDate: ticket.promised_date,
    shelfLocation: ticket.shelf_location,
    reRepairOf: related.reRepairOf,
    receivedBy: related.receivedBy,
    receivedAt: ticket.received_at,
    photoIds: related.photoIds,
    printed: related.printed,
  };
}

/** The list/search row query; callers add their own conditions. */
export const ticketRows = (db: Executor) =>
  db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .select([
      't.id',
      't.ticket_no',
      't.business_date',
      't.status',
      't.priority',
      't.promised_date',
      'c.name as customer_name',
      'd.category_id',
      'd.brand',
      'd.model',
      'd.serial',
      sql<string>`(SELECT min(phone) FROM customer_phones p WHERE p.customer_id = t.customer_id)`.as('phone'),
    ]);

type RawRow = Awaited<ReturnType<ReturnType<typeof ticketRows>['execute']>>[number];

export const toTicketRow = (row: RawRow, today: string): TicketRow => ({
  id: row.id,
  ticketNo: row.ticket_no,
  businessDate: row.business_date,
  status: row.status,
  priority: row.priority,
  customerName: row.customer_name,
  phone: row.phone ?? '',
  categoryId: row.category_id,
  brand: row.brand,
  model: row.model,
  serial: row.serial,
  promisedDate: row.promised_date,
  overdue: row.promised_date < today && !closedStatuses.includes(row.status),
});

export { closedStatuses };
