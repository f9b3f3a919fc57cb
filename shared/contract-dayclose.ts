import { z } from 'zod';
import { cashCountSchema } from './cash';
import { paymentMethods } from './catalogue';
import { counter, method, requiredText, supervisors, text } from './contract-kit';
import { calendarDateSchema, fenSchema } from './intake';

/**
 * The cash drawer and the daily close (日结): the opening float counted by denomination, cash paid in
 * and out with a note, the closing count (blind when the store wants the clerk to count before seeing
 * what is expected), and the numbered Z-report that locks the business day. Reopening a day takes a
 * supervisor and leaves a trace; payments after a close fall into the next day.
 */

const idempotencyKey = z.uuid();
const person = z.object({ id: z.string(), name: z.string() });
const day = z.strictObject({ businessDate: calendarDateSchema });
const sum = z.object({ count: z.number(), fen: z.number() });

export const cashMovementSchema = z.object({
  id: z.string(),
  kind: z.enum(['float', 'pay_in', 'pay_out']),
  amountFen: z.number(),
  note: z.string(),
  staff: person,
  at: z.number(),
});

export const drawerSchema = z.object({
  /** The day the drawer is on: the first day, from today on, not yet closed. */
  businessDate: z.string(),
  float: z
    .object({ counts: cashCountSchema, totalFen: z.number(), staff: person, at: z.number() })
    .nullable(),
  movements: z.array(cashMovementSchema),
  /** Cash the drawer should hold now; null while a blind close hides it until the count. */
  expectedCashFen: z.number().nullable(),
  /** Earlier days with money on them that nobody has closed yet. */
  unclosedDays: z.array(z.string()),
});
export type Drawer = z.infer<typeof drawerSchema>;

export const zReportSchema = z.object({
  store: z.object({ name: z.string(), code: z.string(), address: z.string(), phone: z.string() }),
  businessDate: z.string(),
  /** Null on a preview; the close's own number (`Z-SH01-000012` printed) once closed. */
  zNo: z.number().nullable(),
  closed: z.boolean(),
  closedBy: person.nullable(),
  closedAt: z.number().nullable(),
  /** A later reopen of this close (the day was then closed again under a new number). */
  reopened: z.object({ by: person, approvedBy: person, reason: z.string(), at: z.number() }).nullable(),
  /** The numbers of earlier closes of the same day, reopened since. */
  earlierZ: z.array(z.number()),
  blind: z.boolean(),
  float: z.object({ counts: cashCountSchema, totalFen: z.number() }).nullable(),
  methods: z.array(
    z.object({
      method: z.enum(paymentMethods),
      deposits: sum,
      payments: sum,
      refunds: sum,
      netFen: z.number(),
    }),
  ),
  /** Null, and the cash row left out of `methods`, while a blind close hides what cash came in. */
  totals: z.object({ deposits: sum, payments: sum, refunds: sum, netFen: z.number() }).nullable(),
  discounts: sum,
  cash: z.object({
    floatFen: z.number(),
    /** Null while a blind close hides them, with the expected cash. */
    takenFen: z.number().nullable(),
    refundedFen: z.number().nullable(),
    paidInFen: z.number(),
    paidOutFen: z.number(),
    /** Null while a blind close hides it. */
    expectedFen: z.number().nullable(),
    countedFen: z.number().nullable(),
    counts: cashCountSchema.nullable(),
    varianceFen: z.number().nullable(),
    /** How many times the drawer was counted at close, and what the first count found. */
    countsTaken: z.number(),
    firstCountFen: z.number().nullable(),
  }),
  movements: z.array(cashMovementSchema),
  note: z.string(),
  goods: z.object({
    /** Customer devices the register says are on the premises at the close. */
    onPremises: z.number(),
    lastShelfCount: z
      .object({
        at: z.number(),
        expected: z.number(),
        found: z.number(),
        missing: z.number(),
        unexpected: z.number(),
      })
      .nullable(),
  }),
  tickets: z.object({ received: z.number(), collected: z.number(), open: z.number(), overdue: z.number() }),
  pickups: z.number(),
});
export type ZReport = z.infer<typeof zReportSchema>;

export const dayCloseRowSchema = z.object({
  zNo: z.number(),
  businessDate: z.string(),
  closedBy: person,
  at: z.number(),
  varianceFen: z.number(),
  reopened: z.boolean(),
});

export const daycloseContract = {
  'drawer.state': method({
    input: z.strictObject({}),
    output: drawerSchema,
    access: counter,
  }),
  /** The opening float, counted by denomination: once a day. */
  'drawer.float': method({
    input: z.strictObject({ counts: cashCountSchema, idempotencyKey }),
    output: drawerSchema,
    access: counter,
  }),
  /** Cash paid into or out of the drawer that is not a customer's payment (change, a courier). */
  'drawer.cash': method({
    input: z.strictObject({
      kind: z.enum(['pay_in', 'pay_out']),
      amountFen: fenSchema.min(1, 'amount_zero'),
      note: requiredText(200),
      idempotencyKey,
    }),
    output: drawerSchema,
    access: counter,
  }),
  /** The day's figures as they stand; the expected cash is hidden in a blind close until counted. */
  'dayclose.preview': method({ input: day, output: zReportSchema, access: counter }),
  /** The closing count by denomination. Counting again adds a count; the report shows them all. */
  'dayclose.count': method({
    input: day.extend({ counts: cashCountSchema, idempotencyKey }),
    output: zReportSchema,
    access: counter,
  }),
  /** Closes the day on its latest count: numbers the Z-report and locks the day. */
  'dayclose.close': method({
    input: day.extend({ note: text(500).default(''), idempotencyKey }),
    output: zReportSchema,
    access: counter,
  }),
  'dayclose.reopen': method({
    input: day.extend({ reason: requiredText(200) }),
    output: drawerSchema,
    access: supervisors,
    overridable: true,
  }),
  /** A Z-report as it was printed at its close. */
  'dayclose.report': method({
    input: z.strictObject({ zNo: z.number().int().min(1) }),
    output: zReportSchema,
    access: counter,
  }),
  'dayclose.list': method({
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(30) }),
    output: z.array(dayCloseRowSchema),
    access: counter,
  }),
} as const;
