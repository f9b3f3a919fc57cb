import { z } from 'zod';
import { categorySchema, conditionStates, paymentMethods, priorities, serviceTypes } from './catalogue';

/** Output shapes of the intake methods (inputs are in shared/intake.ts). */

export const entitlementSchema = z.object({
  outcomes: z.array(z.enum(['refund', 'replace', 'free_repair', 'paid_repair'])),
  suggestedServiceType: z.enum(['A', 'C']),
  reasons: z.array(z.looseObject({ code: z.string() })),
  warrantyStart: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
});

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  phones: z.array(z.string()),
  address: z.string(),
  notes: z.string(),
});

export const deviceSchema = z.object({
  id: z.string(),
  categoryId: z.string(),
  brand: z.string(),
  model: z.string(),
  colour: z.string(),
  serial: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  invoiceNo: z.string(),
  seller: z.string(),
});

export const printDocuments = [
  'claim_receipt',
  'repair_card',
  'accessory_label',
  'service_voucher',
  'pickup_voucher',
] as const;

export const ticketDetailSchema = z.object({
  id: z.string(),
  ticketNo: z.string(),
  businessDate: z.string(),
  status: z.string(),
  serviceType: z.enum(serviceTypes),
  priority: z.enum(priorities),
  customer: customerSchema,
  device: deviceSchema,
  reportedFault: z.string(),
  faultCodes: z.array(z.string()),
  condition: z.record(z.string(), z.enum(conditionStates)),
  conditionNote: z.string(),
  accessories: z.array(z.string()),
  accessoriesNote: z.string(),
  passcode: z.string(),
  warrantyPart: z.string(),
  userDamage: z.boolean(),
  warranty: entitlementSchema,
  serviceTypeReason: z.string(),
  estimateFen: z.number(),
  diagnosisFeeFen: z.number(),
  costLimitFen: z.number().nullable(),
  deposits: z.array(z.object({ method: z.enum(paymentMethods), amountFen: z.number() })),
  promisedDate: z.string(),
  shelfLocation: z.string(),
  reRepairOf: z.object({ id: z.string(), ticketNo: z.string() }).nullable(),
  receivedBy: z.object({ id: z.string(), name: z.string() }),
  receivedAt: z.number(),
  photoIds: z.array(z.string()),
  /** Times each document has been printed; the next print of a document with a count is a copy. */
  printed: z.record(z.string(), z.number()),
});

export const ticketRowSchema = z.object({
  id: z.string(),
  ticketNo: z.string(),
  businessDate: z.string(),
  status: z.string(),
  priority: z.enum(priorities),
  customerName: z.string(),
  phone: z.string(),
  categoryId: z.string(),
  brand: z.string(),
  model: z.string(),
  serial: z.string().nullable(),
  promisedDate: z.string(),
  overdue: z.boolean(),
});

export const catalogueSchema = z.object({
  categories: z.array(categorySchema),
  policies: z.array(z.looseObject({ id: z.string() })),
});
