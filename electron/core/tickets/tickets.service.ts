import { sql } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { calendarDateIn } from '../../../shared/dates';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { findCategory, findPolicy } from '../catalogue/catalogue.repository';
import { recordEvent } from '../changes';
import { sessionOf, type Ctx } from '../context';
import { findDevice, findDeviceBySerial, ticketsOfDevice } from '../devices/devices.repository';
import { localStore } from '../store/store.repository';
import { closedStatuses, loadTicketDetail, ticketRows, toTicketRow } from './ticket.repository';
import { assessIntake } from './warranty-case';

export async function getTicket(
  ctx: Ctx,
  input: ParsedInputOf<'tickets.get'>,
): Promise<OutputOf<'tickets.get'>> {
  const where = 'id' in input ? input : { ticketNo: input.ticketNo.toUpperCase() };
  return (await loadTicketDetail(ctx.core.db, where)) ?? failWith('not_found', 'No such ticket');
}

export async function getPhoto(
  ctx: Ctx,
  input: ParsedInputOf<'tickets.photo'>,
): Promise<OutputOf<'tickets.photo'>> {
  const photo = await ctx.core.db
    .selectFrom('ticket_photos')
    .select(['mime', 'data'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  return photo
    ? { mime: photo.mime, base64: photo.data.toString('base64') }
    : failWith('not_found', 'No such photo');
}

/** The 三包 assessment the intake form shows while the clerk types, before anything is saved. */
export async function previewWarranty(
  ctx: Ctx,
  input: ParsedInputOf<'tickets.assessWarranty'>,
): Promise<OutputOf<'tickets.assessWarranty'>> {
  const store = await localStore(ctx);
  const category = await findCategory(ctx.core.db, input.categoryId);
  const policy = category && (await findPolicy(ctx.core.db, category.warrantyPolicyId));
  if (!policy)
    return failWith('invalid_input', 'Unknown category', { fields: { categoryId: 'unknown_category' } });
  const device = input.deviceId
    ? await findDevice(ctx.core.db, input.deviceId)
    : input.serial
      ? await findDeviceBySerial(ctx.core.db, store.id, input.serial.toUpperCase())
      : undefined;
  const { reRepairOf, ...entitlement } = assessIntake({
    policy,
    purchaseDate: input.purchaseDate ?? device?.purchase_date ?? null,
    today: calendarDateIn(ctx.core.now(), store.time_zone),
    timeZone: store.time_zone,
    part: input.part,
    userDamage: input.userDamage,
    history: device ? await ticketsOfDevice(ctx.core.db, device.id) : [],
  });
  return { ...entitlement, reRepairOf: reRepairOf?.ticket_no ?? null };
}

/** Newest first, filtered; `before` (a ticket number) pages back. */
export async function listTickets(
  ctx: Ctx,
  input: ParsedInputOf<'tickets.list'>,
): Promise<OutputOf<'tickets.list'>> {
  const store = await localStore(ctx);
  const today = calendarDateIn(ctx.core.now(), store.time_zone);
  // `+t.store_id`: filter on the store without letting SQLite pick the per-day index for it, which
  // would sort every ticket of the store to page by number.
  let query = ticketRows(ctx.core.db).where(sql<string>`+t.store_id`, '=', store.id);
  if (input.status) query = query.where('t.status', '=', input.status);
  if (input.priority) query = query.where('t.priority', '=', input.priority);
  if (input.from) query = query.where('t.business_date', '>=', input.from);
  if (input.to) query = query.where('t.business_date', '<=', input.to);
  if (input.overdue)
    query = query.where('t.promised_date', '<', today).where('t.status', 'not in', closedStatuses);
  if (input.before) query = query.where('t.ticket_no', '<', input.before);
  const rows = await query.orderBy('t.ticket_no', 'desc').limit(input.limit).execute();
  return rows.map((row) => toTicketRow(row, today));
}

/**
 * Records that documents were printed and returns each one's copy number: 0 is the original, any
 * later print is a copy and says so on the paper. Every print is logged.
 */
export async function recordPrints(
  ctx: Ctx,
  input: ParsedInputOf<'tickets.printed'>,
): Promise<Record<string, number>> {
  const staff = sessionOf(ctx);
  return ctx.core.db.transaction().execute(async (trx) => {
    const ticket = await trx
      .selectFrom('tickets')
      .select('id')
      .where('id', '=', input.ticketId)
      .executeTakeFirst();
    if (!ticket) return failWith('not_found', 'No such ticket');
    const copies: Record<string, number> = {};
    for (const document of input.documents) {
      const printed = await trx
        .selectFrom('print_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('ticket_id', '=', ticket.id)
        .where('document', '=', document)
        .executeTakeFirstOrThrow();
      const copyNo = Number(printed.n);
      copies[document] = copyNo;
      await trx
        .insertInto('print_log')
        .values({
          id: newId(),
          ticket_id: ticket.id,
          document,
          copy_no: copyNo,
          staff_id: staff.staffId,
          at: ctx.core.now(),
        })
        .execute();
      if (copyNo > 0) {
        await recordEvent(trx, ctx, {
          action: 'tickets.reprint',
          entity: 'tickets',
          entityId: ticket.id,
          details: { document, copyNo },
        });
      }
    }
    return copies;
  });
}
