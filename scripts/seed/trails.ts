import type { MovementKind } from '../../shared/custody';
import { dateOf, type Zone } from './calendar';
import type { Intake } from './history';
import { duringHours, isOpen, opensAt } from './hours';
import type { Random, Weighted } from './random';
import { vendorFor } from './vendors';

/**
 * Where a ticket's device went between intake and the end of the history, as the custody entries
 * the counter would have recorded: received at the counter, to its shelf minutes later, to the
 * workshop within a day or two, sometimes out to the brand's service centre and back, to the shelf
 * again once repaired, and handed back when collected. Open tickets stop where their status says
 * the device is; abandoned ones are disposed of after the storage period and a notice.
 *
 * Every entry is one the rules of shared/custody.ts accept from where the previous one left the
 * device, carries what the app's goods.move would (location, details in the app's key order), and
 * falls strictly after the previous one and no later than the collection or the end of the history.
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
  clerks: Weighted<string>;
  technicians: readonly string[];
  /** goods.dispose is for supervisors only. */
  supervisors: readonly string[];
};

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** How often a repair goes out to the brand's service centre, by category (more under warranty). */
const vendorChance: Record<string, number> = {
  phone: 0.08,
  tablet: 0.1,
  laptop: 0.12,
  tv: 0.15,
  washing_machine: 0.06,
  air_conditioner: 0.06,
  other: 0.1,
};

export class TrailMaker {
  private t: Intake | null = null;
  private entries: PlannedEntry[] = [];
  /** When the last entry happened, and the latest moment the next may. */
  private cursor = 0;
  private limit = 0;

  constructor(private readonly options: TrailOptions) {}

  /** The ticket's entries in order, `received` first. */
  trail(t: Intake): PlannedEntry[] {
    const { random } = this.options;
    this.t = t;
    this.entries = [];
    this.cursor = t.at;
    this.limit = t.collectedAt ?? this.options.end;
    this.add('received', 'counter', t.staffId, t.at);
    switch (t.status) {
      case 'collected':
        this.repair(t);
        this.add('handed_back', '', this.clerk(), this.limit);
        break;
      case 'cancelled':
        // Diagnosed, and the customer declined the repair (or changed their mind before it).
        this.toShelf(t);
        if (random.chance(0.5)) {
          this.toWorkshop(hour, 44 * hour);
          this.backToShelf(t, hour, 2 * day);
        }
        this.add('handed_back', '', this.clerk(), this.limit);
        break;
      case 'abandoned':
        this.repair(t);
        this.dispose(t);
        break;
      case 'received': // waiting for a technician to look at it
        this.toShelf(t);
        break;
      case 'in_repair':
        this.toShelf(t);
        this.toWorkshop(hour, 44 * hour);
        if (random.chance(0.2)) this.toVendor(t);
        break;
      case 'awaiting_parts':
        this.toShelf(t);
        this.toWorkshop(hour, 44 * hour);
        if (random.chance(0.25)) this.toVendor(t);
        else this.backToShelf(t, 2 * hour, 2 * day);
        break;
      case 'ready':
        this.repair(t);
        break;
      default:
        throw new Error(`No custody trail for a ${t.status} ticket`);
    }
    return this.entries;
  }

  /** Shelf, workshop, maybe the service centre, and back on the shelf to wait for the customer. */
  private repair(t: Intake): void {
    const { random } = this.options;
    // Done while the customer waits or shops (collected within hours), or urgent: straight to a bench.
    const quick = t.collectedAt !== null && t.collectedAt - t.at < 8 * hour;
    if (quick || t.deal.priority === 'urgent') this.toWorkshop(5 * minute, 40 * minute);
    else {
      this.toShelf(t);
      this.toWorkshop(hour, 44 * hour);
    }
    const chance = (vendorChance[t.categoryId] ?? 0.1) * (t.deal.serviceType === 'C' ? 2 : 1);
    // A trip to a service centre takes days: only when the customer has not already collected.
    if (this.limit - this.cursor > 4 * day && random.chance(chance)) {
      this.toVendor(t);
      this.add('from_vendor', '', this.clerk(), this.after(4 * day, 21 * day));
      this.backToShelf(t, 10 * minute, 90 * minute);
    } else if (quick) this.backToShelf(t, 20 * minute, 3 * hour);
    else this.backToShelf(t, 2 * hour, 3 * day);
    // Failed the final check: back to the bench once more (not when the customer is due within hours).
    if (!quick && this.limit - this.cursor > 2 * day && random.chance(0.1)) {
      this.toWorkshop(hour, 2 * day);
      this.backToShelf(t, hour, day);
    }
  }

  private toShelf(t: Intake): void {
    this.add('to_shelf', t.deal.shelfLocation, t.staffId, this.after(3 * minute, 30 * minute));
  }

  private backToShelf(t: Intake, min: number, max: number): void {
    this.add('to_shelf', t.deal.shelfLocation, this.technician(), this.after(min, max));
  }

  private toWorkshop(min: number, max: number): void {
    this.add('to_workshop', '', this.technician(), this.after(min, max));
  }

  /** As goods.move records it: the vendor is the location, with the RMA number and expected return. */
  private toVendor(t: Intake): void {
    const { random, zone } = this.options;
    const at = this.after(2 * hour, 30 * hour);
    const { vendor, rmaNo } = vendorFor(random, t.brand);
    const expectedBack = dateOf(zone.dayAt(at) + random.int(7, 15));
    this.add('to_vendor', vendor, this.technician(), at, JSON.stringify({ vendor, rmaNo, expectedBack }));
  }

  /**
   * As goods.dispose allows it: notice given once the storage period is over, the device disposed of
   * a month or two later. Until then (or if that is after the end of the history) it stays shelved.
   */
  private dispose(t: Intake): void {
    const { random, zone, end, storageDays } = this.options;
    const noticeDay = zone.dayAt(t.at) + storageDays + random.int(0, 20);
    const at = duringHours(
      zone,
      random,
      zone.instant(noticeDay + random.int(30, 60), opensAt + random.float() * 600),
    );
    if (at > end || at <= this.cursor) return;
    const details = JSON.stringify({ noticeDate: dateOf(noticeDay) });
    this.add('abandoned', '', random.pick(this.options.supervisors), at, details);
  }

  /**
   * The next moment something happens to the device: `min` to `max` after the last, moved into
   * opening hours; when that is past the ticket's limit (collected sooner, or the history ends), a
   * moment squeezed in before it (in opening hours if any are left), so the trail always completes.
   */
  private after(min: number, max: number): number {
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

  private add(kind: MovementKind, location: string, staffId: string, at: number, details = '{}'): void {
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
  }

  private clerk(): string {
    return this.options.clerks.draw(this.options.random);
  }

  private technician(): string {
    return this.options.random.pick(this.options.technicians);
  }
}
