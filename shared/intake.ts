import { z } from 'zod';
import { conditionStates, paymentMethods, priorities, serviceTypes } from './catalogue';
import { isCalendarDate } from './dates';
import { maxFen } from './money';
import { isPhone, normalizePhone } from './phone';

/** Intake input: every field bounded, every amount an integer number of fen within reason. */

const text = (max: number) => z.string().trim().max(max);
export const fenSchema = z
  .number()
  .int('fen_integer')
  .min(0, 'amount_negative')
  .max(maxFen, 'amount_too_large');
export const calendarDateSchema = z.string().refine(isCalendarDate, 'date_format');
const key = z.string().regex(/^[a-z0-9_]{1,40}$/, 'unknown_key');

export const phoneSchema = z.string().max(30).transform(normalizePhone).refine(isPhone, 'phone_format');

export const customerInputSchema = z.strictObject({
  id: z.uuid().optional(),
  name: text(60).min(1, 'required'),
  phones: z.array(phoneSchema).min(1, 'required').max(3),
  address: text(200).default(''),
  notes: text(500).default(''),
});

export const deviceInputSchema = z.strictObject({
  id: z.uuid().optional(),
  categoryId: key,
  brand: text(40).default(''),
  model: text(60).default(''),
  colour: text(20).default(''),
  serial: text(40)
    .regex(/^[A-Za-z0-9\-/]*$/, 'serial_format')
    .default(''),
  purchaseDate: calendarDateSchema.nullable().default(null),
  invoiceNo: text(40).default(''),
  seller: text(60).default(''),
});

/** A photo from a file or the webcam, already scaled down by the UI (at most 1.5 MB as sent). */
export const photoInputSchema = z.strictObject({
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  base64: z
    .string()
    .max(2_000_000)
    .regex(/^[A-Za-z0-9+/]+=*$/, 'invalid'),
});

export const intakeInputSchema = z.strictObject({
  /** Generated once per form: a double click or a retry returns the same ticket. */
  idempotencyKey: z.uuid(),
  customer: customerInputSchema,
  device: deviceInputSchema,
  reportedFault: text(1000).min(1, 'required'),
  faultCodes: z.array(key).max(10).default([]),
  condition: z.record(key, z.enum(conditionStates)).default({}),
  conditionNote: text(500).default(''),
  accessories: z.array(key).max(20).default([]),
  accessoriesNote: text(200).default(''),
  passcode: text(40).default(''),
  photos: z.array(photoInputSchema).max(6).default([]),
  warrantyPart: z.string().max(40).default(''),
  userDamage: z.boolean().default(false),
  serviceType: z.enum(serviceTypes),
  /** Required when the service type differs from the 三包 engine's suggestion between free and paid. */
  serviceTypeReason: text(200).default(''),
  estimateFen: fenSchema,
  diagnosisFeeFen: fenSchema,
  costLimitFen: fenSchema.nullable().default(null),
  deposit: z
    .strictObject({ amountFen: fenSchema.min(1, 'amount_negative'), method: z.enum(paymentMethods) })
    .nullable()
    .default(null),
  /** The clerk confirmed taking a deposit larger than the estimate. */
  depositAboveEstimateConfirmed: z.boolean().default(false),
  promisedDate: calendarDateSchema,
  priority: z.enum(priorities).default('normal'),
  shelfLocation: text(20).default(''),
  /** The repair call (叫修登记) this device was phoned in as: the intake closes it. */
  repairCallId: z.uuid().optional(),
});

export type IntakeInput = z.input<typeof intakeInputSchema>;
export type IntakeParsed = z.output<typeof intakeInputSchema>;
