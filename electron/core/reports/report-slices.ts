import { addDays, addMonths, startOfDayIn, type CalendarDate } from '../../../shared/dates';

/** Business dates `from`..`to` (both included) and the instants they span, `toMs` excluded. */
export type Slice = { from: CalendarDate; to: CalendarDate; fromMs: number; toMs: number };

/**
 * Cuts a range into calendar months (the first and last may be partial): each slice is one short
 * read, and a run can report progress and stop between two of them.
 */
export function monthSlices(range: { from: CalendarDate; to: CalendarDate }, timeZone: string): Slice[] {
  const slices: Slice[] = [];
  for (let from = range.from; from <= range.to;) {
    const monthEnd = addDays(addMonths(`${from.slice(0, 7)}-01`, 1), -1);
    const to = monthEnd < range.to ? monthEnd : range.to;
    slices.push({
      from,
      to,
      fromMs: startOfDayIn(from, timeZone),
      toMs: startOfDayIn(addDays(to, 1), timeZone),
    });
    from = addDays(to, 1);
  }
  return slices;
}
