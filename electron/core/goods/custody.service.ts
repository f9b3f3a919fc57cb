import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import {
  movementRules,
  refusal,
  type CustodyState,
  type MovementDetails,
  type LedgerKind,
  type MovementKind,
} from '../../../shared/custody';
import { storeOwnedOutcomes } from '../../../shared/ticket-status';
import { calendarDateIn, daysBetween } from '../../../shared/dates';
import { failWith } from '../../../shared/result';
import { recordChange } from '../changes';
import { sessionOf, type Ctx } from '../context';
import type { Tx } from '../db/schema';
import { appendCustody, currentState } from '../custody/custody-ledger';
import { localStore } from '../store/store.repository';
import { ticketForChange, transition } from '../repair/ticket-change';
import { ledgerRows } from './goods.repository';
import { findTicketRef } from './ticket-ref';

type StateView = OutputOf<'goods.whereIs'>['state'] & {};
/** What a movement needs of its ticket: a goods screen's lookup or a repair's own row both serve. */
type Ticket = Pick<Awaited<ReturnType<typeof findTicketRef>>, 'id' | 'ticket_no' | 'device_id'>;

const view = (ticket: Ticket, state: CustodyState): StateView => ({
  ticketId: ticket.id,
  ticketNo: ticket.ticket_no,
  place: state.place,
  location: state.location,
  kind: state.kind,
  entryId: state.entryId,
  since: state.since,
  details: state.details,
});

/** What each kind of movement must carry, as field errors (nothing is written when any is missing). */
function missingFields(kind: MovementKind, input: Omit<Movement, 'ticket'>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const need of movementRules[kind].needs) {
    if (need === 'shelf' && !input.location) fields.location = 'required';
    if (need === 'vendor' && !input.vendor) fields.vendor = 'required';
    if (need === 'vendor' && !input.rmaNo) fields.rmaNo = 'required';
    if (need === 'store' && !input.otherStore) fields.otherStore = 'required';
    if (need === 'reason' && !input.note) fields.note = 'required';
    if (need === 'notice' && !input.noticeDate) fields.noticeDate = 'required';
  }
  return fields;
}

export type Movement = {
  ticket: string;
  kind: MovementKind;
  location?: string;
  vendor?: string;
  rmaNo?: string;
  expectedBack?: string;
  otherStore?: string;
  noticeDate?: string;
  note: string;
};

/**
 * Moves a device, in the caller's transaction (goods.move, or a repair sent to a vendor or handed
 * back): the movement must start where the ledger says the device is (a device handed back cannot
 * be handed back again) and carry what its kind needs; it is written with the device's new state
 * and an audit entry.
 */
export async function moveWithin(
  trx: Tx,
  ctx: Ctx,
  storeId: string,
  ticket: Ticket,
  input: Omit<Movement, 'ticket'>,
): Promise<StateView> {
  const staff = sessionOf(ctx);
  const missing = missingFields(input.kind, input);
  if (Object.keys(missing).length > 0) {
    return failWith('invalid_input', `${input.kind} needs ${Object.keys(missing).join(', ')}`, {
      fields: missing,
    });
  }
  const state = await currentState(trx, ticket.id);
  if (refusal(state, input.kind)) {
    return failWith('wrong_place', `${ticket.ticket_no} is ${state?.place ?? 'not received'}`, {
      details: { place: state?.place ?? null, location: state?.location ?? null },
    });
  }
  const details: MovementDetails = {};
  if (input.vendor) details.vendor = input.vendor;
  if (input.rmaNo) details.rmaNo = input.rmaNo;
  if (input.expectedBack) details.expectedBack = input.expectedBack;
  if (input.otherStore) details.otherStore = input.otherStore;
  if (input.noticeDate) details.noticeDate = input.noticeDate;
  const location =
    input.kind === 'to_vendor'
      ? input.vendor
      : input.kind === 'transfer_out'
        ? input.otherStore
        : (input.location ?? '');
  const { entry, state: after } = await appendCustody(trx, {
    store_id: storeId,
    ticket_id: ticket.id,
    device_id: ticket.device_id,
    kind: input.kind,
    location: location ?? '',
    staff_id: staff.staffId,
    at: ctx.core.now(),
    note: input.note,
    details,
  });
  await recordChange(trx, ctx, {
    action: `goods.${input.kind}`,
    entity: 'custody_movements',
    entityId: entry.id,
    row: entry,
    details: { ticketNo: ticket.ticket_no, from: state?.location ?? null, to: after?.location ?? null },
  });
  if (!after) throw new Error('A movement always leaves the device somewhere');
  return view(ticket, after);
}

/** Movements a repair makes itself, and the call that makes each while the ticket is open. */
const repairMoves: Partial<Record<LedgerKind, string>> = {
  to_vendor: 'repair.toVendor',
  from_vendor: 'repair.fromVendor',
  handed_back: 'pickup.save',
  scrapped: 'repair.outcome',
};

/**
 * Custody and status must not disagree: while a device is the customer's, sending it out, taking
 * it back, handing it over or scrapping it goes with its ticket (the repair calls do both at once).
 * Only a device the store owns after a 三包 refund or replacement moves by the goods screens alone.
 */
function requireStoreOwned(
  ticket: { ticket_no: string; status: string; outcome: string | null },
  kind: LedgerKind,
): void {
  const use = repairMoves[kind];
  if (use && !storeOwnedOutcomes.includes(ticket.outcome ?? '')) {
    failWith('invalid_transition', `${ticket.ticket_no} is ${ticket.status}: ${kind} goes with its repair`, {
      details: { from: ticket.status, use },
    });
  }
}

export async function moveDevice(ctx: Ctx, input: ParsedInputOf<'goods.move'>): Promise<StateView> {
  const store = await localStore(ctx);
  return ctx.core.db.transaction().execute(async (trx) => {
    const ticket = await findTicketRef(trx, store.id, input.ticket);
    requireStoreOwned(ticket, input.kind);
    return moveWithin(trx, ctx, store.id, ticket, input);
  });
}

/**
 * Scraps a device, or disposes of one the customer abandoned: only after the store's storage period
 * since intake, and only once the customer was given notice (a date not in the future).
 */
export async function disposeDevice(ctx: Ctx, input: ParsedInputOf<'goods.dispose'>): Promise<StateView> {
  const store = await localStore(ctx);
  return ctx.core.db.transaction().execute(async (trx) => {
    const ticket = await findTicketRef(trx, store.id, input.ticket);
    if (input.kind === 'abandoned') requireStorageOver(ctx, store.time_zone, ticket, input.noticeDate);
    requireStoreOwned(ticket, input.kind);
    const state = await moveWithin(trx, ctx, store.id, ticket, input);
    // An abandoned device closes its ticket, which must be waiting for collection (the rules say so).
    if (input.kind === 'abandoned') {
      await transition(trx, ctx, await ticketForChange(trx, ctx, ticket.id), 'abandoned', 'dispose', {
        action: 'abandon',
        note: input.note,
        details: { noticeDate: input.noticeDate },
      });
    }
    return state;
  });
}

/** Abandoned: held past the storage period, with a notice given on a day not in the future. */
function requireStorageOver(
  ctx: Ctx,
  timeZone: string,
  ticket: { received_at: number },
  noticeDate: string | undefined,
): void {
  const { storageDays } = ctx.core.settings;
  const today = calendarDateIn(ctx.core.now(), timeZone);
  const held = daysBetween(calendarDateIn(ticket.received_at, timeZone), today);
  const fields: Record<string, string> = {};
  if (!noticeDate) fields.noticeDate = 'required';
  else if (daysBetween(noticeDate, today) < 0) fields.noticeDate = 'date_in_future';
  if (held < storageDays) fields.ticket = 'storage_not_over';
  if (Object.keys(fields).length > 0) {
    failWith('invalid_input', `Held ${held} of ${storageDays} days`, {
      fields,
      details: { held, storageDays },
    });
  }
}

/**
 * Corrects a wrong movement with a reversing entry: only a device's latest movement, never its
 * intake; the wrong entry stays in the ledger and the device returns to where it was before it.
 */
export async function reverseMovement(
  ctx: Ctx,
  input: ParsedInputOf<'goods.reverse'>,
): Promise<StateView | null> {
  const staff = sessionOf(ctx);
  const { core } = ctx;
  const store = await localStore(ctx);
  return core.db.transaction().execute(async (trx) => {
    const wrong = await trx
      .selectFrom('custody_movements')
      .selectAll()
      .where('id', '=', input.entryId)
      .where('store_id', '=', store.id)
      .executeTakeFirst();
    if (!wrong) return failWith('not_found', 'No such custody entry');
    const ticket = await findTicketRef(trx, store.id, wrong.ticket_id);
    const state = await currentState(trx, ticket.id);
    requireStoreOwned(ticket, wrong.kind as LedgerKind);
    if (state?.entryId !== wrong.id || wrong.kind === 'received') {
      return failWith('conflict', 'Only the latest movement of a device, after its intake, can be reversed', {
        details: { reason: 'not_latest' },
      });
    }
    const { entry, state: after } = await appendCustody(trx, {
      store_id: store.id,
      ticket_id: ticket.id,
      device_id: ticket.device_id,
      kind: 'reversal',
      location: '',
      staff_id: staff.staffId,
      at: core.now(),
      note: input.reason,
      reverses: wrong.id,
    });
    await recordChange(trx, ctx, {
      action: 'goods.reverse',
      entity: 'custody_movements',
      entityId: entry.id,
      row: entry,
      details: { ticketNo: ticket.ticket_no, reversed: wrong.kind, reason: input.reason },
    });
    return after && view(ticket, after);
  });
}

/** Where a device is now and every entry that put it there. */
export async function whereIs(
  ctx: Ctx,
  input: ParsedInputOf<'goods.whereIs'>,
): Promise<OutputOf<'goods.whereIs'>> {
  const store = await localStore(ctx);
  const ticket = await findTicketRef(ctx.core.db, store.id, input.ticket);
  const state = await currentState(ctx.core.db, ticket.id);
  return {
    state: state && view(ticket, state),
    trail: await ledgerRows(ctx.core.db, { ticketId: ticket.id }),
  };
}
