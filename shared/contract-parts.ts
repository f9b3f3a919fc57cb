import { z } from 'zod';
import { anyStaff, counter, id, method, none, supervisors, text } from './contract-kit';
import {
  adjustmentSchema,
  atVendorLineSchema,
  countLineSchema,
  maxQuantity,
  mismatchSchema,
  movedSchema,
  movementSchema,
  partInputSchema,
  partSchema,
  quantitySchema,
  reasonSchema,
  reorderLineSchema,
  rmaNoSchema,
  vendorSchema,
} from './parts';

/**
 * Spare parts: the parts catalogue and its stock ledger. Every write carries a `requestId`, made
 * once per form: a double click or a retry answers what the first call did instead of moving stock
 * twice. Stock never goes below zero unless `allowNegative` is set by a supervisor (or under a
 * supervisor's override) and then the act is audited.
 */

const requestId = z.uuid();
const note = text(200).default('');
/** Only a supervisor (or a clerk with an override) may take stock below zero, and must say so. */
const allowNegative = z.boolean().default(false);

export const partsContract = {
  'parts.list': method({
    input: z.strictObject({
      /** Part of a name, SKU, barcode, supplier or compatible model. */
      query: text(60).default(''),
      lowOnly: z.boolean().default(false),
      includeInactive: z.boolean().default(false),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }),
    output: z.object({ rows: z.array(partSchema), total: z.number() }),
    access: anyStaff,
  }),
  'parts.get': method({ input: z.strictObject({ id }), output: partSchema, access: anyStaff }),
  /** What a scan (or a typed code) names: a barcode or a SKU. */
  'parts.findByCode': method({
    input: z.strictObject({ code: text(40).min(1) }),
    output: partSchema,
    access: anyStaff,
  }),
  /** Adds or edits a catalogue entry; stock changes only through the ledger. */
  'parts.save': method({ input: partInputSchema, output: partSchema, access: supervisors }),
  /** Stock in from a supplier, or back from a vendor under an RMA number. */
  'parts.receive': method({
    input: z.strictObject({
      requestId,
      partId: id,
      quantity: quantitySchema,
      /** Set when these pieces come back from a vendor: closes (part of) that RMA. */
      rmaNo: text(40).default(''),
      note,
    }),
    output: movedSchema,
    access: anyStaff,
  }),
  /** Parts fitted on a repair. */
  'parts.use': method({
    input: z.strictObject({ requestId, ticketId: id, partId: id, quantity: quantitySchema, allowNegative }),
    output: movedSchema,
    access: anyStaff,
  }),
  /** A part taken for a repair and not fitted goes back to stock (a reversing `used` entry). */
  'parts.unuse': method({
    input: z.strictObject({ requestId, ticketId: id, partId: id, quantity: quantitySchema }),
    output: movedSchema,
    access: anyStaff,
  }),
  'parts.returnToVendor': method({
    input: z.strictObject({
      requestId,
      partId: id,
      quantity: quantitySchema,
      vendor: vendorSchema,
      rmaNo: rmaNoSchema,
      note,
      allowNegative,
    }),
    output: movedSchema,
    access: counter,
  }),
  /** Corrects stock by hand (damaged, lost, found): a reason, and a supervisor. */
  'parts.adjust': method({
    input: z.strictObject({
      requestId,
      partId: id,
      quantity: adjustmentSchema,
      reason: reasonSchema,
      allowNegative,
    }),
    output: movedSchema,
    access: supervisors,
    overridable: true,
  }),
  /**
   * A stock count: the counted quantity of each scanned part. Each becomes a `counted` entry with
   * the difference from the books (zero included: the part was counted). Unscanned parts are left.
   */
  'parts.count': method({
    input: z.strictObject({
      requestId,
      lines: z
        .array(z.strictObject({ partId: id, counted: z.number().int().min(0, 'too_small').max(maxQuantity) }))
        .min(1)
        .max(2000)
        .refine((lines) => new Set(lines.map((l) => l.partId)).size === lines.length, 'duplicate_part'),
    }),
    output: z.object({ lines: z.array(countLineSchema) }),
    access: anyStaff,
  }),
  /** A part's ledger, newest first. */
  'parts.movements': method({
    input: z.strictObject({
      partId: id,
      limit: z.number().int().min(1).max(200).default(50),
      /** Entries before this sequence number: the next page. */
      beforeSeq: z.number().int().min(1).optional(),
    }),
    output: z.array(movementSchema),
    access: anyStaff,
  }),
  /** Active parts at or below their reorder level, by supplier. */
  'parts.reorder': method({ input: none, output: z.array(reorderLineSchema), access: anyStaff }),
  /** Parts out at vendors under an RMA number and not yet received back, oldest first. */
  'parts.atVendor': method({ input: none, output: z.array(atVendorLineSchema), access: anyStaff }),
  /** Recomputes every part's stock from its ledger; lists where the kept figure disagrees. */
  'parts.check': method({
    input: none,
    output: z.object({ parts: z.number(), movements: z.number(), mismatches: z.array(mismatchSchema) }),
    access: supervisors,
  }),
} as const;
