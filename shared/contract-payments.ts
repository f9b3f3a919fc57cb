import { z } from 'zod';
import { billLineKinds } from './bill';
import { paymentMethods } from './catalogue';
import { anyStaff, counter, id, method, requiredText, supervisors, text } from './contract-kit';
import { calendarDateSchema, fenSchema } from './intake';
import { ticketStatuses } from './ticket-status';

/**
 * Money at the counter and the hand-back: the bill of a ticket, deposits and payments (split across
 * methods, cash with change), refunds and discounts (a supervisor's, or with a supervisor's override),
 * and collecting the device: payment, the customer's signature, the claim receipt voided, the custody
 * entry, the pickup voucher. Every request that writes carries an idempotency key: a double click or
 * a retry finds what the first one wrote.
 */

const method_ = z.enum(paymentMethods);
const idempotencyKey = z.uuid();
const amount = fenSchema.min(1, 'amount_zero');
const person = z.object({ id: z.string(), name: z.string() });

/** One part of a payment. Cash may say what the customer handed over; the change is the rest. */
export const paymentLineSchema = z.strictObject({
  method: method_,
  amountFen: amount,
  tenderedFen: fenSchema.optional(),
});
export type PaymentLine = z.infer<typeof paymentLineSchema>;

export const maxPaymentLines = 4;
const lines = z.array(paymentLineSchema).max(maxPaymentLines, 'too_many_lines');

export const ledgerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['deposit', 'payment', 'refund']),
  method: method_,
  amountFen: z.number(),
  tenderedFen: z.number().nullable(),
  changeFen: z.number().nullable(),
  businessDate: z.string(),
  staff: person,
  approvedBy: person.nullable(),
  at: z.number(),
  note: z.string(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const claimReceiptStates = ['held', 'returned', 'lost'] as const;

export const billSchema = z.object({
  ticketId: z.string(),
  ticketNo: z.string(),
  status: z.enum(ticketStatuses),
  version: z.number(),
  customerName: z.string(),
  customerPhone: z.string(),
  device: z.string(),
  serviceType: z.string(),
  chargeBasis: z.enum(['estimate', 'diagnosis_fee', 'free']),
  labourMinutes: z.number(),
  lines: z.array(z.object({ kind: z.enum(billLineKinds), amountFen: z.number() })),
  chargesFen: z.number(),
  discountsFen: z.number(),
  paidFen: z.number(),
  balanceFen: z.number(),
  /** Net paid per method (deposits and payments less refunds): what a refund may give back. */
  paidByMethod: z.partialRecord(method_, z.number()),
  entries: z.array(ledgerEntrySchema),
  discounts: z.array(
    z.object({
      amountFen: z.number(),
      reason: z.string(),
      staff: person,
      approvedBy: person,
      at: z.number(),
    }),
  ),
  /** The customer's claim receipt: still with them, taken back at hand-back, or declared lost. */
  claimReceipt: z.enum(claimReceiptStates),
  /** The ticket waits to be collected: ready, returned unrepaired or replaced. */
  collectable: z.boolean(),
  /** The business day a payment made now falls into (the first day not yet closed). */
  businessDate: z.string(),
});
export type Bill = z.infer<typeof billSchema>;

export const pickupSchema = z.object({
  ticketId: z.string(),
  ticketNo: z.string(),
  businessDate: z.string(),
  receipt: z.enum(['returned', 'lost']),
  bill: billSchema,
  /** Payments taken at the hand-back itself (the bill lists every one). */
  taken: z.array(ledgerEntrySchema),
  repairWarrantyUntil: z.string().nullable(),
  warrantyUntil: z.string().nullable(),
  signature: z.object({ mime: z.string(), data: z.string() }),
  staff: person,
  at: z.number(),
});
export type Pickup = z.infer<typeof pickupSchema>;

export const identityDocuments = ['id_card', 'passport', 'driving_licence', 'other'] as const;
/** A PNG from the signature pad, as base64: bounded, so a hostile caller cannot fill the disk. */
export const maxSignatureBase64 = 400_000;

const onTicket = { ticket: id };
/** Names the day the screen showed; absent: the first day not yet closed. A closed day is refused. */
const businessDate = calendarDateSchema.optional();

export const paymentsContract = {
  'payments.bill': method({
    input: z.strictObject(onTicket),
    output: billSchema,
    access: anyStaff,
  }),
  /** A deposit, or a payment towards the balance (never more than is due). */
  'payments.take': method({
    input: z.strictObject({
      ...onTicket,
      kind: z.enum(['deposit', 'payment']),
      lines: lines.min(1, 'required'),
      businessDate,
      note: text(200).default(''),
      idempotencyKey,
    }),
    output: billSchema,
    access: counter,
  }),
  /** Money back to the customer, never more than they paid by that method. */
  'payments.refund': method({
    input: z.strictObject({
      ...onTicket,
      method: method_,
      amountFen: amount,
      reason: requiredText(200),
      businessDate,
      idempotencyKey,
    }),
    output: billSchema,
    access: supervisors,
    overridable: true,
  }),
  'payments.discount': method({
    input: z.strictObject({ ...onTicket, amountFen: amount, reason: requiredText(200), idempotencyKey }),
    output: billSchema,
    access: supervisors,
    overridable: true,
  }),
  /** The scan of a claim receipt (or a ticket number typed in) at the hand-back. */
  'pickup.find': method({
    input: z.strictObject({ code: requiredText(64) }),
    output: billSchema,
    access: counter,
  }),
  /** The customer lost the claim receipt: who they proved to be, checked by a supervisor. */
  'pickup.lostReceipt': method({
    input: z.strictObject({
      ...onTicket,
      document: z.enum(identityDocuments),
      /** The document number's last characters, enough to check again, not the whole number. */
      documentTail: z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z]{4,6}$/, 'document_tail_format'),
      name: requiredText(60),
      note: text(200).default(''),
    }),
    output: billSchema,
    access: supervisors,
    overridable: true,
  }),
  /**
   * The hand-back in one step: the lines pay the balance exactly (a deposit above the charges is
   * given back), the signature is stored, the claim receipt is voided, the custody entry written and
   * the ticket collected.
   */
  'pickup.save': method({
    input: z.strictObject({
      ...onTicket,
      version: z.number().int().min(1),
      lines,
      signature: z.strictObject({
        mime: z.literal('image/png'),
        data: z.string().min(100, 'signature_required').max(maxSignatureBase64, 'too_big'),
      }),
      note: text(200).default(''),
      idempotencyKey,
    }),
    output: pickupSchema,
    access: counter,
  }),
  /** The pickup voucher of a collected ticket again, for a reprint. */
  'pickup.voucher': method({
    input: z.strictObject(onTicket),
    output: pickupSchema,
    access: anyStaff,
  }),
} as const;
