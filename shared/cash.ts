import { z } from 'zod';

/** The notes and coins a Chinese till holds, in fen, largest first: ¥100 down to 1 jiao. */
export const denominations = [10000, 5000, 2000, 1000, 500, 100, 50, 10] as const;
export type Denomination = (typeof denominations)[number];

const denominationKeys = denominations.map(String) as [string, ...string[]];

/** A count of the drawer: how many of each denomination (absent: none). */
export const cashCountSchema = z.partialRecord(
  z.enum(denominationKeys),
  z.number().int('count_integer').min(0, 'count_negative').max(100_000, 'count_too_large'),
);
export type CashCount = z.infer<typeof cashCountSchema>;

/** The value of a count, in fen. */
export const countTotal = (count: CashCount): number =>
  denominations.reduce((sum, fen) => sum + fen * (count[String(fen)] ?? 0), 0);
