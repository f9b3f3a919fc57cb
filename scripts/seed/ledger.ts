import { custodyHash } from '../../electron/core/custody/custody-ledger';
import { movementRules } from '../../shared/custody';
import { MinHeap } from './heap';
import type { Value } from './rows';
import type { PlannedEntry } from './trails';

export type Chain = { seq: number; hash: string };

/**
 * The store's custody ledger in the order the app would have appended it: each ticket's trail is
 * planned at its intake, waits here, and its entries are chained (seq, prev_hash, custodyHash) only
 * as the history's clock passes them. So seq order is time order across all tickets, as at a real
 * counter, and the heap only ever holds the weeks of entries still ahead of the clock.
 */
export class SeedLedger {
  // A ticket's entries are strictly increasing in time, so ties between tickets may fall either way.
  private readonly pending = new MinHeap<PlannedEntry>((a, b) => a.at < b.at);

  constructor(
    private readonly storeId: string,
    private readonly chain: Chain,
  ) {}

  plan(trail: readonly PlannedEntry[]): void {
    for (const entry of trail) this.pending.push(entry);
  }

  /** Chains every planned entry up to and including `until`, appending the writer's rows to `out`. */
  chainUntil(until: number, out: Value[][]): void {
    for (let next = this.pending.peek(); next && next.at <= until; next = this.pending.peek()) {
      this.pending.pop();
      out.push(this.chainOne(next));
    }
  }

  get waiting(): number {
    return this.pending.size;
  }

  /** id, seq, ticket_id, device_id, kind, location, staff_id, at, note, prev_hash, details, hash. */
  private chainOne(e: PlannedEntry): Value[] {
    const entry = {
      id: e.id,
      store_id: this.storeId,
      seq: this.chain.seq + 1,
      ticket_id: e.ticketId,
      device_id: e.deviceId,
      kind: e.kind,
      location: e.location,
      staff_id: e.staffId,
      at: e.at,
      note: '',
      prev_hash: this.chain.hash,
      details: e.details,
      reverses: null,
    };
    const hash = custodyHash(entry);
    this.chain.seq = entry.seq;
    this.chain.hash = hash;
    // prettier-ignore
    return [
      entry.id, entry.seq, entry.ticket_id, entry.device_id, entry.kind, entry.location, entry.staff_id,
      entry.at, entry.note, entry.prev_hash, entry.details, hash,
    ];
  }
}

/**
 * Where the trail leaves the device, as appendCustody saves it after its last entry (what
 * deriveCustody gives): ticket_id, device_id, place, location, kind, entry_id, since, details.
 */
export function finalState(trail: readonly PlannedEntry[]): Value[] {
  const last = trail.at(-1);
  if (!last) throw new Error('A trail has at least its intake');
  const rule = movementRules[last.kind];
  return [
    last.ticketId,
    last.deviceId,
    rule.to,
    rule.location ?? last.location,
    last.kind,
    last.id,
    last.at,
    last.details,
    trail[0]?.at ?? last.at,
  ];
}
