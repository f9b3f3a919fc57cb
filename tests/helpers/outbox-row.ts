import { createHash } from 'node:crypto';
import type { PushRow } from '../../shared/sync-protocol';

/**
 * An outbox row as the counter sends it: the payload as JSON text and its SHA-256. Free of vitest,
 * so the UI tests' stand-in stores use it too.
 */
export function outboxRow(
  seq: number,
  storeId: string,
  entity: string,
  row: Record<string, unknown>,
): PushRow {
  const payload = JSON.stringify({ store_id: storeId, ...row });
  return {
    seq,
    storeId,
    entity,
    entityId: String(row.id),
    op: 'upsert',
    payload,
    hash: createHash('sha256').update(payload).digest('hex'),
  };
}
