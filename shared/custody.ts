/**
 * The custody rules for a customer's device, as data: where each movement may start, where it leaves
 * the device, and what it must carry. The core refuses a movement these rules refuse; the current
 * place of every device is the fold of its ledger entries (`deriveCustody`).
 */

/** Where a device is, as far as the store is answerable for it. */
export const custodyPlaces = [
  'on_premises',
  'at_vendor',
  'at_other_store',
  'with_customer',
  'disposed',
] as const;
export type CustodyPlace = (typeof custodyPlaces)[number];

/** Movements any staff member records (goods.move); `received` is written by intake only. */
export const everydayKinds = [
  'to_shelf',
  'to_workshop',
  'to_vendor',
  'from_vendor',
  'handed_back',
  'transfer_out',
  'transfer_in',
] as const;

/** Movements that give up a customer's device: a supervisor's decision (goods.dispose). */
export const disposalKinds = ['scrapped', 'abandoned'] as const;

export const movementKinds = ['received', ...everydayKinds, ...disposalKinds] as const;
export type MovementKind = (typeof movementKinds)[number];

/** A reversing entry undoes the latest effective movement of the same device. */
export type LedgerKind = MovementKind | 'reversal';

/** What a movement must carry besides the device. */
export type MovementNeeds = 'shelf' | 'vendor' | 'store' | 'reason' | 'notice';

type Rule = {
  /** Places the movement may start from; `null` for the first entry of a ticket. */
  from: readonly (CustodyPlace | null)[];
  to: CustodyPlace;
  /** The location the device is at afterwards, when fixed by the kind. */
  location?: string;
  needs: readonly MovementNeeds[];
};

export const movementRules: Record<MovementKind, Rule> = {
  received: { from: [null], to: 'on_premises', location: 'counter', needs: [] },
  to_shelf: { from: ['on_premises'], to: 'on_premises', needs: ['shelf'] },
  to_workshop: { from: ['on_premises'], to: 'on_premises', location: 'workshop', needs: [] },
  to_vendor: { from: ['on_premises'], to: 'at_vendor', needs: ['vendor'] },
  from_vendor: { from: ['at_vendor'], to: 'on_premises', location: 'counter', needs: [] },
  handed_back: { from: ['on_premises'], to: 'with_customer', location: 'customer', needs: [] },
  transfer_out: { from: ['on_premises'], to: 'at_other_store', needs: ['store'] },
  transfer_in: { from: ['at_other_store'], to: 'on_premises', location: 'counter', needs: [] },
  scrapped: { from: ['on_premises'], to: 'disposed', location: 'scrapped', needs: ['reason'] },
  abandoned: { from: ['on_premises'], to: 'disposed', location: 'abandoned', needs: ['notice'] },
};

/** The extras some movements carry (kept in the ledger entry's `details`). */
export type MovementDetails = {
  vendor?: string;
  rmaNo?: string;
  expectedBack?: string;
  otherStore?: string;
  noticeDate?: string;
};

export type LedgerEntry = {
  id: string;
  seq: number;
  kind: LedgerKind;
  location: string;
  at: number;
  details: MovementDetails;
  reverses: string | null;
};

export type CustodyState = {
  place: CustodyPlace;
  location: string;
  kind: MovementKind;
  /** The entry that put the device here, and when. */
  entryId: string;
  since: number;
  details: MovementDetails;
};

export type CustodyRefusal = 'wrong_place' | 'not_reversible';

/** Whether `kind` may start where the device is now (`null`: the ticket has no entry yet). */
export function refusal(state: CustodyState | null, kind: MovementKind): CustodyRefusal | null {
  return movementRules[kind].from.includes(state?.place ?? null) ? null : 'wrong_place';
}

/** The state a movement leaves the device in. */
export function stateAfter(entry: LedgerEntry & { kind: MovementKind }): CustodyState {
  const rule = movementRules[entry.kind];
  return {
    place: rule.to,
    location: rule.location ?? entry.location,
    kind: entry.kind,
    entryId: entry.id,
    since: entry.at,
    details: entry.details,
  };
}

/**
 * Folds a ticket's entries (in ledger order) into where its device is now, checking every step:
 * an entry the rules refuse, or a reversal of anything but the latest effective entry, names the
 * entry. A reversal returns the device to where it was before the entry it reverses.
 */
export function deriveCustody(
  entries: readonly LedgerEntry[],
):
  | { state: CustodyState | null; history: CustodyState[] }
  | { brokenAt: LedgerEntry; reason: CustodyRefusal } {
  const history: CustodyState[] = [];
  for (const entry of entries) {
    const current = history.at(-1) ?? null;
    if (entry.kind === 'reversal') {
      if (!current || current.entryId !== entry.reverses)
        return { brokenAt: entry, reason: 'not_reversible' };
      history.pop();
      continue;
    }
    const refused = refusal(current, entry.kind as MovementKind);
    if (refused) return { brokenAt: entry, reason: refused };
    history.push(stateAfter(entry as LedgerEntry & { kind: MovementKind }));
  }
  return { state: history.at(-1) ?? null, history };
}
