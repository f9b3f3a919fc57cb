import { z } from 'zod';
import { maxFen } from './money';

/**
 * Spare parts: the catalogue entry, the stock movements of its ledger, and the bounds every input is
 * held to. Shared by the contract (shared/contract-parts.ts) and the forms that check the same rules.
 */

export const movementKinds = ['received', 'used', 'returned_to_vendor', 'adjusted', 'counted'] as const;
export type MovementKind = (typeof movementKinds)[number];

/** The most one movement may move: a counter receives boxes of screws, never a warehouse. */
export const maxQuantity = 99_999;

const text = (max: number) => z.string().trim().max(max);
const fen = z.number().int('fen_integer').min(0, 'amount_negative').max(maxFen, 'amount_too_large');

/**
 * SKUs and barcodes are matched as a scanner types them: upper case (useScanner upper-cases a
 * burst), letters, digits and - . / only, so a code read off a label always finds its part.
 */
const code = (max: number) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .max(max, 'too_big')
    .regex(/^[A-Z0-9\-./]*$/, 'code_format');

export const skuSchema = code(40).min(1, 'required');
/** Empty: the part carries no barcode (it is then found by its SKU). */
export const barcodeSchema = code(40);

/** A quantity moved out of or into stock: a whole number of pieces, at least one. */
export const quantitySchema = z
  .number()
  .int('quantity_integer')
  .min(1, 'quantity_positive')
  .max(maxQuantity, 'quantity_too_large');

/** An adjustment: either way, never zero. */
export const adjustmentSchema = z
  .number()
  .int('quantity_integer')
  .min(-maxQuantity, 'quantity_too_large')
  .max(maxQuantity, 'quantity_too_large')
  .refine((n) => n !== 0, 'quantity_zero');

export const vendorSchema = text(60).min(1, 'required');
export const rmaNoSchema = text(40).min(1, 'required');
export const reasonSchema = text(200).min(1, 'reason_required');

export const partInputSchema = z.strictObject({
  /** Absent: a new part. */
  id: z.uuid().optional(),
  sku: skuSchema,
  barcode: barcodeSchema.default(''),
  name: text(100).min(1, 'required'),
  compatibleModels: z.array(text(60).min(1)).max(50).default([]),
  costFen: fen,
  priceFen: fen,
  reorderLevel: z.number().int().min(0, 'too_small').max(maxQuantity, 'too_big').default(0),
  supplier: text(60).default(''),
  active: z.boolean().default(true),
});

export const partSchema = z.object({
  id: z.string(),
  sku: z.string(),
  barcode: z.string(),
  name: z.string(),
  compatibleModels: z.array(z.string()),
  costFen: z.number(),
  priceFen: z.number(),
  reorderLevel: z.number(),
  supplier: z.string(),
  active: z.boolean(),
  onHand: z.number(),
  /** At or below its reorder level (and the level is set). */
  low: z.boolean(),
  updatedAt: z.number(),
});
export type Part = z.infer<typeof partSchema>;

export const movementSchema = z.object({
  id: z.string(),
  seq: z.number(),
  partId: z.string(),
  kind: z.enum(movementKinds),
  /** Signed: what the movement added to (or took from) the stock. */
  quantity: z.number(),
  balanceAfter: z.number(),
  ticketId: z.string().nullable(),
  ticketNo: z.string().nullable(),
  vendor: z.string(),
  rmaNo: z.string(),
  reason: z.string(),
  staff: z.object({ id: z.string(), name: z.string() }),
  overrideBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  at: z.number(),
});
export type Movement = z.infer<typeof movementSchema>;

/** What a movement call answers: the entry it wrote and the part as it now stands. */
export const movedSchema = z.object({ movement: movementSchema, part: partSchema });

export const countLineSchema = z.object({
  partId: z.string(),
  sku: z.string(),
  name: z.string(),
  expected: z.number(),
  counted: z.number(),
  difference: z.number(),
});

export const reorderLineSchema = z.object({
  part: partSchema,
  /** Pieces below the reorder level (0 when exactly at it). */
  shortfall: z.number(),
  /** Enough to bring stock to twice the reorder level: a simple order-up-to rule. */
  suggested: z.number(),
});

export const atVendorLineSchema = z.object({
  vendor: z.string(),
  rmaNo: z.string(),
  partId: z.string(),
  sku: z.string(),
  name: z.string(),
  /** Pieces sent under this RMA and not yet received back. */
  quantity: z.number(),
  sentAt: z.number(),
  /** Calendar days (store time) since the first piece left. */
  daysOut: z.number(),
});

export const mismatchSchema = z.object({
  partId: z.string(),
  sku: z.string(),
  name: z.string(),
  onHand: z.number(),
  ledger: z.number(),
});
