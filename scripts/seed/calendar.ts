/**
 * Fast calendar arithmetic for millions of rows: dates as `YYYY-MM-DD` strings or as day numbers
 * (days since 1970-01-01), and a store's local time through its UTC offset, looked up once per day.
 */

const msPerDay = 86_400_000;

export const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / msPerDay;

export const dateOf = (day: number): string => new Date(day * msPerDay).toISOString().slice(0, 10);

/** `YYMMDD`, as in a ticket number. */
export const yymmdd = (date: string): string => date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);

/** Offsets of a time zone from UTC, in ms, cached per UTC day. */
export class Zone {
  private readonly cache = new Map<number, number>();
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /** Local time minus UTC at instant `at`. */
  offsetAt(at: number): number {
    const key = Math.floor(at / msPerDay);
    let offset = this.cache.get(key);
    if (offset === undefined) {
      const parts = Object.fromEntries(this.format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
      const local = Date.UTC(
        parts.year ?? 1970,
        (parts.month ?? 1) - 1,
        parts.day,
        parts.hour,
        parts.minute,
        parts.second,
      );
      offset = local - (at - (at % 1000));
      this.cache.set(key, offset);
    }
    return offset;
  }

  /** The instant of local time `minutes` after midnight on `day`. */
  instant(day: number, minutes: number): number {
    const naive = day * msPerDay + minutes * 60_000;
    return naive - this.offsetAt(naive - this.offsetAt(naive));
  }

  /** The local calendar date of an instant. */
  dateAt(at: number): string {
    return dateOf(Math.floor((at + this.offsetAt(at)) / msPerDay));
  }

  dayAt(at: number): number {
    return Math.floor((at + this.offsetAt(at)) / msPerDay);
  }
}
