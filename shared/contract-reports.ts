import { z } from 'zod';
import { method, supervisors } from './contract-kit';
import { daysBetween } from './dates';
import { calendarDateSchema } from './intake';
import { paymentMethods } from './catalogue';

/**
 * The manager's reports. A report runs in slices of at most a month, so a long range never holds the
 * core for long: the caller names the run, asks `reports.progress` how far it got, and may
 * `reports.cancel` it (the run then answers `cancelled`). Figures are counts, sums and whole hours,
 * so the screen, the printout and the CSV show the same numbers.
 */

export const reportKinds = [
  'turnaround',
  'recurring_faults',
  'technicians',
  'income',
  'parts',
  'service_levels',
] as const;
export type ReportKind = (typeof reportKinds)[number];

/** The longest range one run covers: three years and a day. */
export const maxReportDays = 1097;

const name = z.object({ zh: z.string(), en: z.string() });

const turnaroundRow = z.object({
  categoryId: z.string(),
  serviceType: z.enum(['A', 'B', 'C', 'D']),
  /** Finished in the range (first ready, returned unrepaired or replaced). */
  finished: z.number(),
  /** Received to finished: the mean and the lower median, in whole hours. */
  repairHoursMean: z.number(),
  repairHoursMedian: z.number(),
  /** Of those, handed back (so far): finished to handed back. */
  collected: z.number(),
  collectHoursMean: z.number().nullable(),
  collectHoursMedian: z.number().nullable(),
});

const recurringRow = z.object({
  categoryId: z.string(),
  brand: z.string(),
  model: z.string(),
  /** Tickets received in the range for this product. */
  tickets: z.number(),
  /** Of those, the device had been handed back (or received) at most 30 / 90 days before. */
  repeat30: z.number(),
  repeat90: z.number(),
});

const technicianRow = z.object({
  technicianId: z.string(),
  name: z.string(),
  /** Finished tickets this technician logged labour on (the ticket counts for each of them). */
  jobs: z.number(),
  labourMinutes: z.number(),
  /** Jobs whose ticket passed every check the first time. */
  firstTimeFixes: z.number(),
  /** Jobs whose device came back within 30 days of its hand-back. */
  reRepairs: z.number(),
  /** Follow-up ratings of the tickets they were the main technician on, aggregated. */
  ratings: z.number(),
  satisfactionMean: z.number().nullable(),
});

const incomeRow = z.object({
  serviceType: z.enum(['A', 'B', 'C', 'D']),
  method: z.enum(paymentMethods),
  /** Deposits and payments taken, refunds given, in fen; net = taken - refunded. */
  takenFen: z.number(),
  refundedFen: z.number(),
  payments: z.number(),
});

const partsRow = z.object({
  partId: z.string(),
  sku: z.string(),
  name: z.string(),
  /** Net quantity used on repairs (parts taken and put back cancel out). */
  quantity: z.number(),
  /** Quantity at the part's cost price today (the ledger keeps quantities, not prices). */
  costFen: z.number(),
  /** Tickets that kept at least one. */
  tickets: z.number(),
});

const serviceLevels = z.object({
  followUpsDue: z.number(),
  followUpsReached: z.number(),
  followUpsOnTime: z.number(),
  complaints: z.number(),
  answeredOnTime: z.number(),
  answeredLate: z.number(),
  resolvedOnTime: z.number(),
  resolvedLate: z.number(),
  /** Not answered (resolved) yet, and past the deadline now: late too, and still open. */
  unansweredOverdue: z.number(),
  unresolvedOverdue: z.number(),
  accepted: z.number(),
  repairCalls: z.number(),
  callsAnsweredOnTime: z.number(),
  callsConverted: z.number(),
});

export const reportResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('turnaround'),
    rows: z.array(turnaroundRow),
    categories: z.record(z.string(), name),
  }),
  z.object({
    kind: z.literal('recurring_faults'),
    rows: z.array(recurringRow),
    /** Every product in the range; `rows` keeps the 200 with most tickets. */
    total: z.object({
      tickets: z.number(),
      repeat30: z.number(),
      repeat90: z.number(),
      products: z.number(),
    }),
    categories: z.record(z.string(), name),
  }),
  z.object({ kind: z.literal('technicians'), rows: z.array(technicianRow) }),
  z.object({ kind: z.literal('income'), rows: z.array(incomeRow) }),
  z.object({ kind: z.literal('parts'), rows: z.array(partsRow) }),
  z.object({ kind: z.literal('service_levels'), levels: serviceLevels }),
]);
export type ReportResult = z.infer<typeof reportResultSchema>;
export type TurnaroundRow = z.infer<typeof turnaroundRow>;
export type RecurringRow = z.infer<typeof recurringRow>;
export type TechnicianRow = z.infer<typeof technicianRow>;
export type IncomeRow = z.infer<typeof incomeRow>;
export type PartsRow = z.infer<typeof partsRow>;
export type ServiceLevels = z.infer<typeof serviceLevels>;

const runId = z.uuid();

export const reportRangeSchema = z
  .strictObject({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((range) => range.from <= range.to, { message: 'before_from', path: ['to'] })
  .refine((range) => range.from > range.to || daysBetween(range.from, range.to) < maxReportDays, {
    message: 'range_over_three_years',
    path: ['from'],
  });

export const reportsContract = {
  /** Runs one report over business dates `from`..`to` (both included); answers when it is done. */
  'reports.run': method({
    input: z.strictObject({ runId, kind: z.enum(reportKinds), range: reportRangeSchema }),
    output: reportResultSchema,
    access: supervisors,
  }),
  /** How far a run is: slices done of the total; null once it has ended (or never was). */
  'reports.progress': method({
    input: z.strictObject({ runId }),
    output: z.object({ done: z.number(), total: z.number() }).nullable(),
    access: supervisors,
  }),
  /** Stops a run between two slices; it answers `cancelled`. */
  'reports.cancel': method({
    input: z.strictObject({ runId }),
    output: z.object({ cancelled: z.boolean() }),
    access: supervisors,
  }),
};
