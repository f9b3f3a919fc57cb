import { dateOf, dayNumber, type Zone } from './calendar';
import { duringHours } from './hours';
import { Weighted, type Random } from './random';

/**
 * The commercial side of an intake (service type A/B/C/D, estimate, fees, cost limit, deposit,
 * promised date, priority, shelf) and where the ticket stands at the end of the history.
 */

export type Deal = {
  serviceType: 'A' | 'B' | 'C' | 'D';
  serviceTypeReason: string;
  estimateFen: number;
  diagnosisFeeFen: number;
  costLimitFen: number | null;
  deposit: { method: string; amountFen: number } | null;
  promisedDate: string;
  priority: 'normal' | 'urgent';
  shelfLocation: string;
};

/** Typical repair estimates per category, in yuan. */
const estimates: Record<string, [number, number]> = {
  phone: [80, 1200],
  tablet: [150, 1800],
  laptop: [200, 3000],
  tv: [300, 2500],
  washing_machine: [150, 1200],
  air_conditioner: [150, 1500],
  other: [50, 600],
};

const paidTypes = new Weighted<'A' | 'B' | 'D' | 'C'>([
  ['A', 78],
  ['B', 14],
  ['D', 3],
  ['C', 5],
]);
const methods = new Weighted([
  ['wechat', 45],
  ['alipay', 30],
  ['cash', 18],
  ['card', 6],
  ['other', 1],
]);

const yuan = (random: Random, [min, max]: [number, number]) => Math.round(random.int(min, max) / 10) * 1000;

export function dealFor(
  random: Random,
  at: { categoryId: string; suggested: 'A' | 'C'; reRepair: boolean; businessDate: string },
): Deal {
  let serviceType: Deal['serviceType'];
  let serviceTypeReason = '';
  if (at.reRepair || at.suggested === 'C') {
    serviceType = random.chance(0.95) ? 'C' : 'A';
    if (serviceType === 'A') serviceTypeReason = '客户放弃保修，选择付费快修';
  } else {
    serviceType = paidTypes.draw(random);
    if (serviceType === 'C') serviceTypeReason = '商家让利，免费维修';
  }
  const range = estimates[at.categoryId] ?? [50, 600];
  const paid = serviceType === 'A' || serviceType === 'B';
  let estimateFen = paid ? yuan(random, range) : 0;
  const diagnosisFeeFen = paid && random.chance(0.4) ? random.pick([3000, 5000, 8000]) : 0;
  const costLimitFen = paid && random.chance(0.25) ? random.pick([30000, 50000, 100000]) : null;
  let deposit: Deal['deposit'] = null;
  if (random.chance(paid ? 0.66 : serviceType === 'C' ? 0.13 : 0)) {
    // A free repair with a deposit: a paid extra (a new case, a film) agreed at the counter.
    if (estimateFen === 0) estimateFen = random.pick([2000, 3000, 5000, 10000]);
    const amountFen = Math.max(1000, Math.round((estimateFen * random.int(3, 10)) / 10 / 1000) * 1000);
    deposit = { method: methods.draw(random), amountFen: Math.min(amountFen, estimateFen) };
  }
  const priority = random.chance(0.08) ? 'urgent' : 'normal';
  const promisedDays = priority === 'urgent' ? random.int(0, 2) : random.int(2, 7);
  return {
    serviceType,
    serviceTypeReason,
    estimateFen,
    diagnosisFeeFen,
    costLimitFen,
    deposit,
    promisedDate: dateOf(dayNumber(at.businessDate) + promisedDays),
    priority,
    shelfLocation: `${random.pick(['A', 'B', 'C', 'D', 'E', 'F'])}-${String(random.int(1, 40)).padStart(2, '0')}`,
  };
}

const hour = 3_600_000;
const day = 24 * hour;

/**
 * How a ticket's repair goes (scripts/seed/workflow.ts walks it):
 * - `repair`: diagnosed, repaired here or by a vendor, checked, ready, then collected (or abandoned);
 * - `unrepaired`: declined at the estimate, given up, or the vendor could not; returned unrepaired;
 * - `replaced` / `refunded`: a 三包 claim closed with a new device or the money back;
 * - `cancelled`: the customer took the device back before any repair.
 */
export type Route = 'repair' | 'unrepaired' | 'replaced' | 'refunded' | 'cancelled';

export type Fate = {
  /** Where the ticket stands at the end of the history (workflow.ts may settle an earlier one). */
  status: string;
  route: Route;
  collectedAt: number | null;
};

/** Open tickets by age: new ones wait for a technician, older ones for parts, vendors or customers. */
const openByAge: [number, Weighted<string>][] = [
  [
    1,
    new Weighted([
      ['received', 30],
      ['diagnosing', 22],
      ['awaiting_approval', 6],
      ['awaiting_parts', 6],
      ['in_repair', 16],
      ['awaiting_check', 6],
      ['on_hold', 2],
      ['ready', 12],
    ]),
  ],
  [
    7,
    new Weighted([
      ['received', 5],
      ['diagnosing', 7],
      ['awaiting_approval', 7],
      ['awaiting_parts', 17],
      ['in_repair', 14],
      ['awaiting_check', 5],
      ['on_hold', 5],
      ['at_vendor', 10],
      ['ready', 24],
      ['returned_unrepaired', 4],
      ['replaced', 2],
    ]),
  ],
  [
    Infinity,
    new Weighted([
      ['received', 1],
      ['diagnosing', 2],
      ['awaiting_approval', 4],
      ['awaiting_parts', 20],
      ['in_repair', 6],
      ['awaiting_check', 1],
      ['on_hold', 8],
      ['at_vendor', 22],
      ['ready', 28],
      ['returned_unrepaired', 6],
      ['replaced', 2],
    ]),
  ],
];

/**
 * An open status the deal allows (approval needs a cost limit, replacement a 三包 claim some days
 * old), drawn again when it does not; the few left over are being diagnosed.
 */
function openFate(random: Random, age: number, deal: Deal): Fate {
  const weights = (openByAge.find(([maxAge]) => age <= maxAge) ?? openByAge[2]) as [number, Weighted<string>];
  const allowed = (status: string) =>
    (status !== 'awaiting_approval' || deal.costLimitFen !== null) &&
    (status !== 'replaced' || (deal.serviceType === 'C' && age >= 5));
  // A customer with a cost limit is often still to answer a higher estimate.
  if (deal.costLimitFen !== null && age >= 1 && age <= 14 && random.chance(0.3)) {
    return { status: 'awaiting_approval', route: 'repair', collectedAt: null };
  }
  let status = weights[1].draw(random);
  for (let tries = 0; tries < 3 && !allowed(status); tries++) status = weights[1].draw(random);
  if (!allowed(status)) status = 'diagnosing';
  const route: Route =
    status === 'returned_unrepaired' ? 'unrepaired' : status === 'replaced' ? 'replaced' : 'repair';
  return { status, route, collectedAt: null };
}

/**
 * Old tickets are collected (a few cancelled, returned unrepaired, replaced, refunded or abandoned);
 * the last weeks still have work on the board and devices waiting for their owners. Collections
 * happen while the counter is open, and nothing is collected after `end`.
 */
export function statusFor(random: Random, at: number, end: number, zone: Zone, deal: Deal): Fate {
  const age = zone.dayAt(end) - zone.dayAt(at);
  const openChance = age <= 3 ? 0.9 : age <= 14 ? 0.35 : age <= 30 ? 0.12 : 0;
  if (random.chance(openChance)) return openFate(random, age, deal);
  const r = random.float();
  // Never collected: disposed of after the storage period (or still waiting for it on a shelf).
  if (r < 0.005)
    return { status: 'abandoned', route: r < 0.0035 ? 'repair' : 'unrepaired', collectedAt: null };
  // A 三包 claim the manufacturer settles with the money back: the vendor keeps the device.
  const claim = deal.serviceType === 'C' ? random.float() : 1;
  if (claim < 0.008 && age > 45) return { status: 'refunded', route: 'refunded', collectedAt: null };
  const collectedAt = duringHours(zone, random, at + random.int(2, 24 * 12) * hour + random.int(0, hour));
  let route: Route =
    r < 0.03 ? 'cancelled' : r < 0.055 ? 'unrepaired' : claim < 0.035 ? 'replaced' : 'repair';
  // A replacement is decided after parts failed to come for days, not within a quick visit.
  if (route === 'replaced' && Math.min(collectedAt, end) - at < 5 * day) route = 'repair';
  if (collectedAt > end) {
    const waiting =
      route === 'unrepaired' ? 'returned_unrepaired' : route === 'replaced' ? 'replaced' : 'ready';
    return { status: waiting, route: route === 'cancelled' ? 'repair' : route, collectedAt: null };
  }
  return { status: route === 'cancelled' ? 'cancelled' : 'collected', route, collectedAt };
}
