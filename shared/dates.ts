import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** A calendar date in the store's time zone, `YYYY-MM-DD`. */
export type CalendarDate = string;

const day = (date: CalendarDate) => dayjs.utc(date, 'YYYY-MM-DD');

export const isCalendarDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && day(value).format('YYYY-MM-DD') === value;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number =>
  // Plain UTC arithmetic: lists compute this for thousands of rows, and dayjs parsing costs more.
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  day(date).add(days, 'day').format('YYYY-MM-DD');

/** Calendar months, clamped at month end (01-31 plus one month is 02-28 or 02-29). */
export const addMonths = (date: CalendarDate, months: number): CalendarDate =>
  day(date).add(months, 'month').format('YYYY-MM-DD');

/**
 * Formatters by time zone: building an Intl.DateTimeFormat costs far more than using one (about
 * 0.1 ms, once per intake otherwise), and a counter only ever uses its store's zone.
 */
const formatters = new Map<string, { date: Intl.DateTimeFormat; moment: Intl.DateTimeFormat }>();

function formattersFor(timeZone: string) {
  let found = formatters.get(timeZone);
  if (!found) {
    const date = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    found = {
      date: new Intl.DateTimeFormat('en-CA', date),
      moment: new Intl.DateTimeFormat('en-CA', {
        ...date,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
    };
    formatters.set(timeZone, found);
  }
  return found;
}

/** The calendar date of an instant in a time zone, e.g. a store's business date. */
export const calendarDateIn = (at: number, timeZone: string): CalendarDate =>
  formattersFor(timeZone).date.format(at);

/** `YYYY-MM-DD HH:mm` of an instant in a time zone: printed times are the store's, not the PC's. */
export function formatMoment(at: number, timeZone: string): string {
  const parts = Object.fromEntries(
    formattersFor(timeZone)
      .moment.formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The zone's offset from UTC at an instant, in ms (Shanghai: +8 h). */
function offsetAt(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formattersFor(timeZone)
      .moment.formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  );
  const local = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute);
  return local - (at - (at % 60_000));
}

/** The instant a calendar date begins in a time zone: business days are the store's. */
export function startOfDayIn(date: CalendarDate, timeZone: string): number {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  return midnightUtc - offsetAt(guess, timeZone); // again at the guess, in case a DST change lies between
}
