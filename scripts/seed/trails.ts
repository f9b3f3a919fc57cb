import type { MovementKind } from '../../shared/custody';
import { dateOf, type Zone } from './calendar';
import type { Intake } from './history';
import { duringHours, isOpen, opensAt } from './hours';
import type { Random } from './random';
import { vendorFor } from './vendors';

/**
 * Where a ticket's device goes between intake and the end of the history, as the custody entries
 * the counter would have recorded: received at the counter, to its shelf minutes later, to the
 * workshop, sometimes out to the brand's service centre and back, to the shelf again once repaired,
 * and handed back when collected; abandoned devices are disposed of after the storage period and a
 * notice. The repair workflow (workflow.ts) decides which of these happen, in step with its own acts.
 *
 * Every entry is one the rules of shared/custody.ts accept from where the previous one left the
 * device, carries what the app's goods.move would (location, details in the app's key order), and
 * falls strictly after the previous one and no later than the collection or the end of the history.
 * The workflow's acts share the same clock (`after`, `mark`), so acts and movements interleave in
 * time order.
 */

export type PlannedEntry = {
  id: string;
  ticketId: string;
  deviceId: string;
  kind: MovementKind;
  location: string;
  staffId: string;
  at: number;
  /** JSON text, '{}' when the movement carries nothing. */
  details: string;
};

export type TrailOptions = {
  random: Random;
  zone: Zone;
  /** The instant the history ends. */
  end: number;
  /** Days a device is kept after intake before it may be disposed of (the store's setting). */
  storageDays: number;
  /** goods.dispose is for supervisors only. */
  supervisors: readonly string[];
};

const minute = 60_000;
const hour = 60 * minute;

/** How often a repair goes out to the brand's service centre, by category (more under warranty). */
export const vendorChance: Record<string, number> = {
  phone: 0.08,
  tablet: 0.1,
  laptop: 0.12,
  tv: 0.15,
  washing_machine: 0.06,
  air_conditioner: 0.06,
  other: 0.1,
};

export type VendorLeg = { at: number; vendor: string; rmaNo: string; expectedBack: string };
export type Disposal = { at: number; staffId: string; noticeDate: string };

/** One ticket's custody trail at a time: `begin`, then the movements in time order. */
export class TrailMaker {
  private t: Intake | null = null;
  entries: PlannedEntry[] = [];
  /** When the last entry or act happened, and the latest moment the next may. */
  cursor = 0;
  limit = 0;

  constructor(private readonly options: TrailOptions) {}

  /** Starts a ticket's trail with its intake at the counter. */
  begin(t: Intake): void {
    this.t = t;
    this.entries = [];
    this.cursor = t.at;
    this.limit = t.collectedAt ?? this.options.end;
    this.add('received', 'counter', t.staffId, t.at);
  }

  /** Time left before the ticket's limit (its collection, or the end of the history). */
  get room(): number {
    return this.limit - this.cursor;
  }

  /** An act that moves no device happened at `at` (the next entry or act comes after it). */
  mark(at: number): void {
    this.cursor = at;
  }

  /** The clerk who took it in puts it on its shelf. */
  toShelf(t: Intake): number {
    return this.add('to_shelf', t.deal.shelfLocation, t.staffId, this.after(3 * minute, 30 * minute));
  }

  backToShelf(t: Intake, staffId: string, min: number, max: number): number {
    return this.add('to_shelf', t.deal.shelfLocation, staffId, this.after(min, max));
  }

  toWorkshop(staffId: string, min: number, max: number): number {
    return this.add('to_workshop', '', staffId, this.after(min, max));
  }

  /** As goods.move records it: the vendor is the location, with the RMA number and expected return. */
  toVendor(t: Intake, staffId: string): VendorLeg {
    const { random, zone } = this.options;
    const at = this.after(2 * hour, 30 * hour);
    const { vendor, rmaNo } = vendorFor(random, t.brand);
    const expectedBack = dateOf(zone.dayAt(at) + random.int(7, 15));
    this.add('to_vendor', vendor, staffId, at, JSON.stringify({ vendor, rmaNo, expectedBack }));
    return { at, vendor, rmaNo, expectedBack };
  }

  fromVendor(staffId: string, min: number, max: number): number {
    return this.add('from_vendor', '', staffId, this.after(min, max));
  }

  /** Handed back over the counter at `at` (the ticket's limit, when it is collected). */
  handBack(staffId: string, at: number): void {
    this.add('handed_back', '', staffId, at);
  }

  /**
   * As goods.dispose allows it: notice given once the storage period is over, the device disposed of
   * a month or two later. Null when that is after the end of the history (it stays shelved).
   */
  dispose(t: Intake): Disposal | null {
    const { random, zone, end, storageDays } = this.options;
    const noticeDay = zone.dayAt(t.at) + storageDays + random.int(0, 20);
    const at = duringHours(
      zone,
      random,
      zone.instant(noticeDay + random.int(30, 60), opensAt + random.float() * 600),
    );
    if (at > end || at <= this.cursor) return null;
    const noticeDate = dateOf(noticeDay);
    const staffId = random.pick(this.options.supervisors);
    this.add('abandoned', '', staffId, at, JSON.stringify({ noticeDate }));
    return { at, staffId, noticeDate };
  }

  /**
   * The next moment something happens to the ticket: `min` to `max` after the last, moved into
   * opening hours; when that is past the ticket's limit (collected sooner, or the history ends), a
   * moment squeezed in before it (in opening hours if any are left), so the trail always completes.
   */
  after(min: number, max: number): number {
    const { random, zone } = this.options;
    const room = this.limit - this.cursor;
    if (room < 2) throw new Error(`No room left in the trail of ticket ${this.t?.id ?? ''}`);
    const at = duringHours(zone, random, this.cursor + min + random.float() * (max - min));
    if (at < this.limit) return at;
    // Within the first 60% of the room, so the steps after this one still fit; failing an open hour
    // there, the next opening before the limit (it often lies in the last 40%: collected next
    // morning); failing that (no open hour left), any moment.
    let squeezed = 0;
    for (let i = 0; i < 6; i++) {
      squeezed = this.cursor + 1 + Math.floor(room * (0.05 + 0.55 * random.float()));
      const open = i < 3 ? squeezed : duringHours(zone, random, squeezed);
      if (open < this.limit && isOpen(zone, open)) return open;
    }
    return squeezed;
  }

  private add(kind: MovementKind, location: string, staffId: string, at: number, details = '{}'): number {
    const t = this.t as Intake;
    this.entries.push({
      id: this.options.random.uuid7(at),
      ticketId: t.id,
      deviceId: t.deviceId,
      kind,
      location,
      staffId,
      at,
      details,
    });
    this.cursor = at;
    return at;
  }
}
