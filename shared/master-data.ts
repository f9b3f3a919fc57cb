import { z } from 'zod';
import { categorySchema } from './catalogue';
import { roles } from './roles';

/**
 * Master data: what headquarters alone writes and publishes to every store through the change feed
 * (ARCHITECTURE.md, "Sync"). Each entity's payload is checked with its schema at headquarters before
 * it enters the feed, and again at the counter before it is applied.
 */

const days = z.number().int().min(0).max(3650);

export const warrantyPolicySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/),
  refundDays: days,
  replaceDays: days,
  partMonths: z.record(z.string().min(1).max(40), z.number().int().min(0).max(120)),
  defaultPart: z.string().min(1).max(40),
  maxFailedRepairs: z.number().int().min(1).max(10),
  refundAfterFailedRepairs: z.boolean(),
  partsWaitDays: days,
  reRepairDays: days,
  excludedParts: z.array(z.string().min(1).max(40)).max(40),
});

/**
 * A staff member of one store; only the PIN's hash ever travels. The language each person reads the
 * screens in is their own choice at the counter, not master data.
 */
export const staffMasterSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().trim().min(1).max(40),
  role: z.enum(roles),
  pinHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/),
  active: z.boolean(),
});

const fen = z.number().int().min(0).max(99_999_999);

/** The labour rate and parts prices by SKU a store charges. */
export const priceListSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  labourRatePerHourFen: fen.optional(),
  parts: z.record(z.string().regex(/^[A-Z0-9._-]{1,40}$/), fen).default({}),
});

/** The terms printed on every claim receipt. */
export const receiptTermsSchema = z.strictObject({
  id: z.literal('default'),
  text: z.string().max(4000),
});

export const masterSchemas = {
  warranty_policies: warrantyPolicySchema,
  categories: categorySchema.strict(),
  staff: staffMasterSchema,
  price_lists: priceListSchema,
  receipt_terms: receiptTermsSchema,
} as const;

export type MasterEntity = keyof typeof masterSchemas;

/** In the order an import applies them: a category names a policy that must already be there. */
export const masterEntities = Object.keys(masterSchemas) as MasterEntity[];

export const isMasterEntity = (entity: string): entity is MasterEntity => entity in masterSchemas;

/** Parses one entity's payload; the id inside must be the row's id. */
export function parseMaster(entity: MasterEntity, entityId: string, payload: unknown) {
  const parsed = masterSchemas[entity].parse(payload) as { id: string };
  if (parsed.id !== entityId) throw new Error(`${entity} ${entityId}: the payload names ${parsed.id}`);
  return parsed;
}

/** One change in the feed: an upsert with its payload, or a delete's tombstone (payload null). */
export const feedRowSchema = z.strictObject({
  pos: z.number().int().min(1),
  entity: z.enum(masterEntities as [MasterEntity, ...MasterEntity[]]),
  entityId: z.string().min(1).max(100),
  deleted: z.boolean(),
  payload: z.unknown(),
});
export type FeedRow = z.infer<typeof feedRowSchema>;

/** At most this many feed rows in one answer: the counter applies a page in one transaction. */
export const maxFeedRows = 500;

export const feedPageSchema = z.strictObject({
  rows: z.array(feedRowSchema).max(maxFeedRows),
  /** The position to ask after next time: the last row's, or the cursor sent when nothing is new. */
  last: z.number().int().min(0),
  /** Rows after this page for this store, for the progress of a first download. */
  remaining: z.number().int().min(0),
});
export type FeedPage = z.infer<typeof feedPageSchema>;
