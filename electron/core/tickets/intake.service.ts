import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { calendarDateIn } from '../../../shared/dates';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { findCategory, findPolicy } from '../catalogue/catalogue.repository';
import { queueSync, recordChange, recordEvent } from '../changes';
import { sessionOf, type Ctx } from '../context';
import { appendCustody } from '../custody/custody-ledger';
import { phonesOf } from '../customers/customers.repository';
import { ticketsOfDevice } from '../devices/devices.repository';
import { recordPayment } from '../payments/payment-ledger';
import { dayForWrite } from '../dayclose/business-day';
import { localStore } from '../store/store.repository';
import { convertRepairCall } from '../quality/repair-calls.service';
import { refreshWorkCredits } from '../reports/work-credits';
import { checkIntake, decodePhoto, overridesWarranty } from './intake-rules';
import { resolveCustomer } from './resolve-customer';
import { resolveDevice } from './resolve-device';
import { detailOf, loadTicketDetail } from './ticket.repository';
import { nextTicketNumber } from './ticket-number';
import { assessIntake } from './warranty-case';

type Detail = OutputOf<'tickets.create'>;

/**
 * Takes a device in: in one transaction the customer and device, the ticket with its number, photos,
 * its first event, the first custody entry (received at the counter), the deposit, an audit entry
 * and the outbox rows. Idempotent: the same idempotency key returns the same ticket.
 */
export async function createTicket(ctx: Ctx, input: ParsedInputOf<'tickets.create'>): Promise<Detail> {
  const staff = sessionOf(ctx);
  const { core } = ctx;
  const store = await localStore(ctx);
  const category = await findCategory(core.db, input.device.categoryId);
  if (!category?.active) {
    return failWith('invalid_input', 'Unknown category', {
      fields: { 'device.categoryId': 'unknown_category' },
    });
  }
  const policy = await findPolicy(core.db, category.warrantyPolicyId);
  if (!policy) return failWith('not_found', `No warranty policy ${category.warrantyPolicyId}`);
  const now = core.now();
  const today = calendarDateIn(now, store.time_zone);
  checkIntake(input, category, today);
  const photos = input.photos.map(decodePhoto);

  const saved = await core.db.transaction().execute(async (trx): Promise<Detail | string> => {
    const repeat = await trx
      .selectFrom('intake_requests')
      .select('ticket_id')
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (repeat) return repeat.ticket_id; // already saved: answered from the database below

    const customer = await resolveCustomer(trx, ctx, store.id, input.customer);
    const customerId = customer.id;
    const { device, isNew } = await resolveDevice(trx, ctx, store.id, customerId, input.device);
    const history = isNew ? [] : await ticketsOfDevice(trx, device.id);
    const assessment = assessIntake({
      policy,
      purchaseDate: device.purchase_date,
      today,
      timeZone: store.time_zone,
      part: input.warrantyPart,
      userDamage: input.userDamage,
      history,
    });
    // The device's last visit: a ticket cancelled (taken in by mistake, say) was none.
    const prior = history.filter((earlier) => earlier.status !== 'cancelled').at(-1);
    const { reRepairOf, ...warranty } = assessment;
    const overridden = overridesWarranty(warranty.suggestedServiceType, input.serviceType);
    if (overridden && !input.serviceTypeReason) {
      failWith('invalid_input', 'Overriding the 三包 assessment needs a reason', {
        fields: { serviceTypeReason: 'reason_required' },
      });
    }

    const id = newId();
    const ticket = {
      id,
      store_id: store.id,
      ticket_no: await nextTicketNumber(trx, store.id, store.code, today),
      business_date: today,
      customer_id: customerId,
      device_id: device.id,
      status: 'received',
      service_type: input.serviceType,
      priority: input.priority,
      reported_fault: input.reportedFault,
      fault_codes: JSON.stringify(input.faultCodes),
      condition: JSON.stringify(input.condition),
      condition_note: input.conditionNote,
      accessories: JSON.stringify(input.accessories),
      accessories_note: input.accessoriesNote,
      passcode: input.passcode,
      warranty_part: input.warrantyPart,
      user_damage: input.userDamage ? 1 : 0,
      warranty: JSON.stringify(warranty),
      service_type_reason: input.serviceTypeReason,
      estimate_fen: input.estimateFen,
      diagnosis_fee_fen: input.diagnosisFeeFen,
      cost_limit_fen: input.costLimitFen,
      promised_date: input.promisedDate,
      shelf_location: input.shelfLocation,
      re_repair_of: reRepairOf?.id ?? null,
      received_by: staff.staffId,
      received_at: now,
      collected_at: null,
      updated_at: now,
      version: 1,
      assigned_to: null,
      status_at: now,
      activity_at: now,
      diagnosis: '',
      cause: '',
      action_taken: '',
      diagnosed_by: null,
      approved_fen: null,
      checked_by: null,
      checked_at: null,
      charge_basis: input.serviceType === 'C' ? ('free' as const) : ('estimate' as const),
      outcome: null,
      outcome_reason: '',
      outcome_at: null,
      replacement_serial: '',
      claim_voided_at: null,
      claim_void_reason: '' as const,
      category_id: device.category_id,
      brand: device.brand,
      model: device.model,
      finished_at: null,
      prior_ticket_id: prior?.id ?? null,
      prior_gap_days: prior
        ? Math.max(0, Math.floor((now - (prior.collected_at ?? prior.received_at)) / 86_400_000))
        : null,
    };
    await trx.insertInto('tickets').values(ticket).execute();
    const photoIds = photos.map(() => newId());
    if (photos.length > 0) {
      await trx
        .insertInto('ticket_photos')
        .values(
          photos.map((data, i) => ({
            id: photoIds[i] ?? newId(),
            ticket_id: id,
            mime: input.photos[i]?.mime ?? 'image/jpeg',
            data,
            created_at: now,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('ticket_events')
      .values({
        id: newId(),
        ticket_id: id,
        at: now,
        staff_id: staff.staffId,
        from_status: null,
        to_status: 'received',
        note: '',
        action: 'intake',
        details: '{}',
      })
      .execute();
    const { entry: custody } = await appendCustody(trx, {
      store_id: store.id,
      ticket_id: id,
      device_id: device.id,
      kind: 'received',
      location: 'counter',
      staff_id: staff.staffId,
      at: now,
      note: '',
    });
    await queueSync(trx, ctx, 'custody_movements', custody.id, custody);
    if (input.deposit) {
      const payment = await recordPayment(trx, {
        store_id: store.id,
        ticket_id: id,
        // Today's drawer, unless today is closed already: then tomorrow's, like any later payment.
        business_date: await dayForWrite(trx, ctx, store, undefined),
        kind: 'deposit',
        method: input.deposit.method,
        amount_fen: input.deposit.amountFen,
        staff_id: staff.staffId,
        at: now,
        idempotency_key: `${input.idempotencyKey}:deposit`,
        note: '',
        tendered_fen: null,
        approved_by: null,
      });
      await queueSync(trx, ctx, 'payments', payment.id, payment);
    }
    if (input.repairCallId) await convertRepairCall(trx, ctx, input.repairCallId, ticket);
    // Back within 30 days: the earlier job counts as a re-repair for whoever did it.
    if (ticket.prior_ticket_id && (ticket.prior_gap_days ?? 99) <= 30) {
      await refreshWorkCredits(trx, ticket.prior_ticket_id);
    }
    await trx
      .insertInto('intake_requests')
      .values({ idempotency_key: input.idempotencyKey, ticket_id: id })
      .execute();
    // The passcode stays in the store: it is not shipped to headquarters.
    const { passcode: _shopOnly, ...synced } = ticket;
    await recordChange(trx, ctx, {
      action: 'tickets.create',
      entity: 'tickets',
      entityId: id,
      row: synced,
      details: { ticketNo: ticket.ticket_no },
    });
    if (overridden) {
      await recordEvent(trx, ctx, {
        action: 'tickets.serviceTypeOverride',
        entity: 'tickets',
        entityId: id,
        details: {
          suggested: warranty.suggestedServiceType,
          chosen: input.serviceType,
          reason: input.serviceTypeReason,
        },
      });
    }
    // The answer is built from what was just written (one read for the customer's phones), not
    // re-read ticket by ticket: it is part of every intake's time.
    return detailOf(ticket, {
      customer,
      phones: (await phonesOf(trx, [customerId])).get(customerId) ?? [],
      device,
      receivedBy: { id: staff.staffId, name: staff.name },
      deposits: input.deposit ? [{ method: input.deposit.method, amountFen: input.deposit.amountFen }] : [],
      photoIds,
      printed: {},
      reRepairOf: reRepairOf ? { id: reRepairOf.id, ticketNo: reRepairOf.ticket_no } : null,
    });
  });
  if (typeof saved !== 'string') return saved;
  const detail = await loadTicketDetail(core.db, { id: saved });
  return detail ?? failWith('not_found', 'Ticket vanished after saving');
}
