import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { calendarDateIn, daysBetween } from '../../../shared/dates';
import { failWith } from '../../../shared/result';
import { decidableStatuses } from '../../../shared/ticket-status';
import { findCategory, findPolicy } from '../catalogue/catalogue.repository';
import type { Ctx } from '../context';
import type { Executor, StoresTable, Tx } from '../db/schema';
import { findDevice, findDeviceBySerial, ticketsOfDevice } from '../devices/devices.repository';
import { resolveDevice } from '../tickets/resolve-device';
import { localStore } from '../store/store.repository';
import { assessIntake, priorRepairsOf } from '../tickets/warranty-case';
import { failedRepairsSince } from '../../../shared/warranty';
import { changeTicket, ticketForChange, transition, type Ticket } from './ticket-change';
import { onTicket } from './workflow.service';

/** When the ticket first began waiting for parts, if it has. */
async function awaitingPartsSince(db: Executor, ticketId: string): Promise<number | undefined> {
  const first = await db
    .selectFrom('ticket_events')
    .select('at')
    .where('ticket_id', '=', ticketId)
    .where('to_status', '=', 'awaiting_parts')
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
  return first?.at;
}

/**
 * The 三包 assessment of a ticket today, from the device's whole history: earlier repairs (two
 * failed warranty repairs suggest a replacement), replacements (which restart the warranty), days
 * waiting for parts on this ticket (past the policy's limit: replacement), time in repair (extends it).
 */
async function assess(ctx: Ctx, db: Executor, store: StoresTable, ticket: Ticket) {
  const device = await findDevice(db, ticket.device_id);
  const category = device && (await findCategory(db, device.category_id));
  const policy = category && (await findPolicy(db, category.warrantyPolicyId));
  if (!device || !policy) return failWith('not_found', 'The device or its warranty policy is gone');
  const history = (await ticketsOfDevice(db, device.id)).filter(
    (other) => other.id !== ticket.id && other.received_at < ticket.received_at,
  );
  const today = calendarDateIn(ctx.core.now(), store.time_zone);
  const waitingSince = await awaitingPartsSince(db, ticket.id);
  const since = waitingSince === undefined ? undefined : calendarDateIn(waitingSince, store.time_zone);
  const { reRepairOf: _, ...entitlement } = assessIntake({
    policy,
    purchaseDate: device.purchase_date,
    today,
    timeZone: store.time_zone,
    part: ticket.warranty_part,
    userDamage: ticket.user_damage === 1,
    history,
    awaitingPartsSince: since,
  });
  const start = entitlement.warrantyStart;
  return {
    ...entitlement,
    failedRepairs: start === null ? 0 : failedRepairsSince(priorRepairsOf(history, store.time_zone), start),
    awaitingPartsDays: since === undefined ? null : daysBetween(since, today),
  };
}

export async function warrantyNow(
  ctx: Ctx,
  input: ParsedInputOf<'repair.warranty'>,
): Promise<OutputOf<'repair.warranty'>> {
  const ticket = await ticketForChange(ctx.core.db, ctx, input.ticket);
  return assess(ctx, ctx.core.db, await localStore(ctx), ticket);
}

/**
 * The unit a customer gets in exchange is a device of its own, bought (for 三包) on the day of the
 * exchange: its warranty starts then, and when it comes back its history starts here.
 */
async function registerReplacement(
  trx: Tx,
  ctx: Ctx,
  store: StoresTable,
  ticket: Ticket,
  serial: string,
): Promise<void> {
  const old = await findDevice(trx, ticket.device_id);
  if (!old) return failWith('not_found', 'The device is gone');
  if (await findDeviceBySerial(trx, store.id, serial.toUpperCase())) {
    return failWith('conflict', `Serial ${serial} is already a device of this store`, {
      fields: { replacementSerial: 'serial_in_use' },
    });
  }
  await resolveDevice(trx, ctx, store.id, ticket.customer_id, {
    categoryId: old.category_id,
    brand: old.brand,
    model: old.model,
    colour: old.colour,
    serial,
    purchaseDate: calendarDateIn(ctx.core.now(), store.time_zone),
    invoiceNo: '',
    seller: `三包换货 ${ticket.ticket_no}`,
  });
}

/**
 * Closes a 三包 claim. Replace and refund end the repair (a replacement restarts the warranty of the
 * device from today); they need the engine to entitle the customer to them, or a reason why the store
 * grants them anyway. Repair makes the work free; rejected (with its reason) makes it chargeable.
 */
export async function decideOutcome(
  ctx: Ctx,
  input: ParsedInputOf<'repair.outcome'>,
): Promise<OutputOf<'repair.outcome'>> {
  // Read before the transaction: the one connection is the transaction's until it ends.
  const store = await localStore(ctx);
  return onTicket(ctx, input, async (trx, ticket) => {
    const entitlement = await assess(ctx, trx, store, ticket);
    const entitled =
      input.outcome === 'replace'
        ? entitlement.outcomes.includes('replace')
        : input.outcome === 'refund'
          ? entitlement.outcomes.includes('refund')
          : true;
    if ((!entitled || input.outcome === 'rejected') && !input.reason) {
      return failWith('invalid_input', `${input.outcome} needs a reason`, {
        fields: { reason: entitled ? 'required' : 'not_entitled' },
        details: { outcomes: entitlement.outcomes },
      });
    }
    const now = ctx.core.now();
    const set = {
      outcome: input.outcome,
      outcome_reason: input.reason,
      outcome_at: now,
      replacement_serial: input.replacementSerial,
    };
    const details = { outcome: input.outcome, entitled: entitlement.outcomes };
    if (input.outcome === 'replace' && input.replacementSerial) {
      await registerReplacement(trx, ctx, store, ticket, input.replacementSerial);
    }
    if (input.outcome === 'replace' || input.outcome === 'refund') {
      const to = input.outcome === 'replace' ? 'replaced' : 'refunded';
      return transition(trx, ctx, ticket, to, 'outcome', {
        action: 'outcome',
        note: input.reason,
        set: { ...set, charge_basis: 'free' },
        details,
      });
    }
    if (!decidableStatuses.includes(ticket.status)) {
      return failWith('invalid_transition', `A ${ticket.status} claim cannot be decided`, {
        details: { from: ticket.status, use: 'outcome' },
      });
    }
    const charge_basis = input.outcome === 'repair' ? 'free' : 'estimate';
    return changeTicket(trx, ctx, ticket, {
      action: 'outcome',
      note: input.reason,
      set: { ...set, charge_basis },
      details,
    });
  });
}
