import type { Zone } from './calendar';
import type { Random } from './random';

/**
 * The counter's opening hours, 09:00-19:30 store time: intakes, collections and the movements of a
 * device between them all happen while someone is there to scan it.
 */
export const opensAt = 9 * 60;
export const closesAt = 19 * 60 + 30;

const msPerMinute = 60_000;
const msPerDay = 86_400_000;

/** Minutes after local midnight at instant `at`. */
export const minuteOfDay = (zone: Zone, at: number): number =>
  ((((at + zone.offsetAt(at)) % msPerDay) + msPerDay) % msPerDay) / msPerMinute;

export function isOpen(zone: Zone, at: number): boolean {
  const minute = minuteOfDay(zone, at);
  return minute >= opensAt && minute < closesAt;
}

/**
 * `at` (in whole ms, as the ledger stores it) if the counter is open then; otherwise some time on the
 * next opening day, more often in the morning (overnight work is dealt with first) but not all at
 * 09:00.
 */
export function duringHours(zone: Zone, random: Random, at: number): number {
  if (isOpen(zone, at)) return Math.floor(at);
  const minute = minuteOfDay(zone, at);
  const wait = minute < opensAt ? opensAt - minute : 1440 - minute + opensAt;
  const intoDay = random.float() * random.float() * (closesAt - opensAt);
  return Math.floor(at + (wait + intoDay) * msPerMinute);
}
