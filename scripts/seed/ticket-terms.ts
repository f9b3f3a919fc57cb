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
const openStatuses = new Weighted([
  ['received', 30],
  ['in_repair', 30],
  ['awaiting_parts', 15],
  ['ready', 25],
]);

/**
 * Old tickets are collected (a few cancelled or abandoned); the last weeks still have devices on
 * the premises. Collections happen while the counter is open, and nothing is collected after `end`.
 */
export function statusFor(
  random: Random,
  at: number,
  end: number,
  zone: Zone,
): { status: string; collectedAt: number | null } {
  const age = zone.dayAt(end) - zone.dayAt(at);
  const openChance = age <= 3 ? 0.9 : age <= 14 ? 0.35 : age <= 30 ? 0.12 : 0;
  if (random.chance(openChance)) return { status: openStatuses.draw(random), collectedAt: null };
  const r = random.float();
  if (r < 0.005) return { status: 'abandoned', collectedAt: null };
  const collectedAt = duringHours(zone, random, at + random.int(2, 24 * 12) * hour + random.int(0, hour));
  if (collectedAt > end) return { status: 'ready', collectedAt: null };
  return { status: r < 0.03 ? 'cancelled' : 'collected', collectedAt };
}
