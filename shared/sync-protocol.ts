import { z } from 'zod';

/**
 * The wire format between a counter and headquarters (server/ and, on the counter, the sync client).
 * A pushed row is an outbox row: its `seq` is the outbox's own (AUTOINCREMENT: never reused), its
 * `payload` the row as JSON text, its `hash` the SHA-256 (hex) of exactly that text.
 */

/** At most this many rows in one push: a batch is applied in one transaction. */
export const maxPushRows = 500;

export const pushRowSchema = z.strictObject({
  seq: z.number().int().min(1),
  storeId: z.string().min(1).max(64),
  entity: z.string().regex(/^[a-z_]{1,40}$/),
  entityId: z.string().min(1).max(100),
  op: z.enum(['upsert', 'delete']),
  payload: z.string().max(400_000),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PushRow = z.infer<typeof pushRowSchema>;

export const pushRequestSchema = z.strictObject({
  /** The counter database's own id (meta.db_instance_id): a restored backup gets a new one. */
  dbInstanceId: z.uuid(),
  /**
   * Where this instance's pushes begin: the oldest outbox row when it first pushed. A new instance
   * (a restored backup) starts there, not at 1, and a later batch arriving first is still a gap.
   */
  firstSeq: z.number().int().min(1),
  rows: z.array(pushRowSchema).min(1).max(maxPushRows),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Everything up to `acknowledged` is at headquarters: the counter may delete those outbox rows. */
export const pushAnswerSchema = z.object({ acknowledged: z.number().int().min(0) });

/**
 * 409 when the batch does not follow on from what headquarters has (`gap`) or names a seq it has
 * with another payload (`different_payload`); `position` is the last seq it holds for this instance.
 */
export const pushRefusalSchema = z.object({
  error: z.object({ code: z.enum(['gap', 'different_payload']), message: z.string() }),
  position: z.number().int().min(0),
});
