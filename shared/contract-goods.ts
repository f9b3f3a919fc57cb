import { z } from 'zod';
import { anyStaff, id, method, none, requiredText, supervisors, text } from './contract-kit';
import { custodyPlaces, disposalKinds, everydayKinds, movementKinds } from './custody';
import { calendarDateSchema } from './intake';

/** Goods in and out: the custody ledger of customers' devices, where each one is, shelf counts. */

/** A ticket named by its id or by the number on its receipt or card (what a scan gives). */
const ticket = text(40).min(1);

const detailsSchema = z.object({
  vendor: z.string().optional(),
  rmaNo: z.string().optional(),
  expectedBack: z.string().optional(),
  otherStore: z.string().optional(),
  noticeDate: z.string().optional(),
});

/** Where a ticket's device is now. */
export const custodyStateSchema = z.object({
  ticketId: z.string(),
  ticketNo: z.string(),
  place: z.enum(custodyPlaces),
  location: z.string(),
  kind: z.enum(movementKinds),
  /** The entry that put it there: the one a reversal would undo. */
  entryId: z.string(),
  since: z.number(),
  details: detailsSchema,
});

export const ledgerRowSchema = z.object({
  entryId: z.string(),
  seq: z.number(),
  at: z.number(),
  kind: z.string(),
  location: z.string(),
  details: detailsSchema,
  reverses: z.string().nullable(),
  note: z.string(),
  staffName: z.string(),
  ticketId: z.string(),
  ticketNo: z.string(),
  customerName: z.string(),
  device: z.string(),
});

/** A device on the premises (or at a vendor) as the goods view lists it. */
export const goodsRowSchema = z.object({
  ticketId: z.string(),
  ticketNo: z.string(),
  status: z.string(),
  customerName: z.string(),
  device: z.string(),
  place: z.enum(custodyPlaces),
  location: z.string(),
  since: z.number(),
  receivedAt: z.number(),
  /** Whole days at this stage and since intake, in the store's calendar. */
  daysHere: z.number(),
  daysHeld: z.number(),
  idle: z.boolean(),
  pastStorage: z.boolean(),
  details: detailsSchema,
});

/** Where a page ends: the next page starts after this device. */
const goodsCursorSchema = z.strictObject({
  location: z.string().max(60),
  since: z.number().int(),
  ticketId: id,
});

const goodsListInput = z.strictObject({
  location: text(60).optional(),
  /** Only devices at their stage longer than the idle setting. */
  idleOnly: z.boolean().default(false),
  /** Only devices held longer than the storage period: the ones due a notice. */
  pastStorageOnly: z.boolean().default(false),
  after: goodsCursorSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const goodsListSchema = z.object({
  /** Every device in this place, whatever the filters, by location. */
  byLocation: z.array(z.object({ location: z.string(), count: z.number(), oldestSince: z.number() })),
  total: z.number(),
  rows: z.array(goodsRowSchema),
  next: goodsCursorSchema.nullable(),
});

const countLineSchema = z.object({
  ticketId: z.string(),
  ticketNo: z.string(),
  device: z.string(),
  customerName: z.string(),
  place: z.enum(custodyPlaces),
  location: z.string(),
});

export const shelfCountSchema = z.object({
  id: z.string(),
  startedAt: z.number(),
  startedBy: z.string(),
  finishedAt: z.number().nullable(),
  finishedBy: z.string().nullable(),
  scanned: z.number(),
  expected: z.number().nullable(),
  found: z.number().nullable(),
  missing: z.array(countLineSchema),
  unexpected: z.array(countLineSchema),
});

const movementInput = {
  location: text(40).default(''),
  vendor: text(60).default(''),
  rmaNo: text(40).default(''),
  expectedBack: calendarDateSchema.optional(),
  otherStore: text(20).default(''),
  note: text(200).default(''),
};

export const goodsContract = {
  /** Moves a device (shelf, workshop, vendor and back, hand-back, transfers). Scans name it by number. */
  'goods.move': method({
    input: z.strictObject({
      ticket,
      kind: z.enum(everydayKinds),
      ...movementInput,
    }),
    output: custodyStateSchema,
    access: anyStaff,
  }),
  /** Scraps a device, or disposes of an abandoned one after the storage period and notice. */
  'goods.dispose': method({
    input: z.strictObject({
      ticket,
      kind: z.enum(disposalKinds),
      noticeDate: calendarDateSchema.optional(),
      note: text(200).default(''),
    }),
    output: custodyStateSchema,
    access: supervisors,
    overridable: true,
  }),
  /** Undoes a device's latest movement with a reversing entry (the wrong one stays on record). */
  'goods.reverse': method({
    input: z.strictObject({ entryId: id, reason: requiredText(200) }),
    output: custodyStateSchema.nullable(),
    access: supervisors,
    overridable: true,
  }),
  'goods.whereIs': method({
    input: z.strictObject({ ticket }),
    output: z.object({ state: custodyStateSchema.nullable(), trail: z.array(ledgerRowSchema) }),
    access: anyStaff,
  }),
  /** What is on the premises: a count per location, and a page of devices (by location, oldest first). */
  'goods.onPremises': method({ input: goodsListInput, output: goodsListSchema, access: anyStaff }),
  /** The same for devices out at vendors (the location is the vendor). */
  'goods.atVendor': method({ input: goodsListInput, output: goodsListSchema, access: anyStaff }),
  /** 客户商品进出登记簿: every movement in a date range (store calendar), oldest first. */
  'goods.register': method({
    input: z.strictObject({ from: calendarDateSchema, to: calendarDateSchema }),
    output: z.object({ rows: z.array(ledgerRowSchema), truncated: z.boolean() }),
    access: anyStaff,
  }),
  /** Re-checks every link of the hash chain and every device's place against its entries. */
  'goods.verifyLedger': method({
    input: none,
    output: z.object({
      entries: z.number(),
      ms: z.number(),
      firstBroken: z
        .object({
          seq: z.number(),
          entryId: z.string().nullable(),
          reason: z.enum(['hash_mismatch', 'broken_link', 'seq_gap', 'rule', 'state_mismatch']),
        })
        .nullable(),
    }),
    access: supervisors,
  }),
  'goods.countStart': method({ input: none, output: shelfCountSchema, access: anyStaff }),
  'goods.countScan': method({
    input: z.strictObject({ countId: id, code: text(60).min(1) }),
    output: countLineSchema.extend({ expected: z.boolean(), again: z.boolean() }),
    access: anyStaff,
  }),
  'goods.countFinish': method({
    input: z.strictObject({ countId: id }),
    output: shelfCountSchema,
    access: anyStaff,
  }),
  /** The open count if there is one, else the latest finished one (the daily close shows it). */
  'goods.countLatest': method({ input: none, output: shelfCountSchema.nullable(), access: anyStaff }),
} as const;
