import { createHash } from 'node:crypto';
import { isMasterEntity } from '../../shared/master-data';
import type { PushRequest, PushRow } from '../../shared/sync-protocol';
import type { HqDatabase, HqTx } from '../db/schema';
import { HqError } from '../stores';
import type { AuthenticatedDevice } from '../stores';

/** A batch that does not follow on from what headquarters holds: nothing of it was applied. */
export class PositionConflict extends Error {
  constructor(
    readonly reason: 'gap' | 'different_payload',
    readonly position: number,
  ) {
    super(reason === 'gap' ? `Expected seq ${position + 1} next` : 'A known seq came with another payload');
    this.name = 'PositionConflict';
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Why a row may not be applied for this device's store, if it may not. */
function quarantineReason(device: AuthenticatedDevice, row: PushRow, payload: Record<string, unknown>) {
  if (row.storeId !== device.storeId) return 'other_store' as const;
  if (typeof payload.store_id === 'string' && payload.store_id !== device.storeId)
    return 'other_store' as const;
  // Only headquarters writes master data: a store pushing some is quarantined, never applied.
  if (isMasterEntity(row.entity)) return 'master_data' as const;
  return null;
}

/**
 * Applies new rows in three statements whatever the batch size: every row into `hq_received`, the
 * ones the store may not write into `hq_quarantine`, the rest into `hq_rows` (the latest of each
 * row in the batch: one statement may not update the same row twice).
 */
async function applyRows(
  trx: HqTx,
  device: AuthenticatedDevice,
  dbInstanceId: string,
  rows: PushRow[],
  now: number,
) {
  const judged = rows.map((row) => {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    return { row, reason: quarantineReason(device, row, payload) };
  });
  await trx
    .insertInto('hq_received')
    .values(
      judged.map(({ row, reason }) => ({
        device_id: device.deviceId,
        db_instance_id: dbInstanceId,
        seq: row.seq,
        store_id: device.hqStoreId,
        entity: row.entity,
        entity_id: row.entityId,
        op: row.op,
        hash: row.hash,
        quarantined: reason !== null,
        received_at: now,
      })),
    )
    .execute();
  const quarantined = judged.filter((j) => j.reason !== null);
  if (quarantined.length > 0) {
    await trx
      .insertInto('hq_quarantine')
      .values(
        quarantined.map(({ row, reason }) => ({
          device_id: device.deviceId,
          db_instance_id: dbInstanceId,
          seq: row.seq,
          store_id: device.hqStoreId,
          claimed_store_id: row.storeId,
          entity: row.entity,
          entity_id: row.entityId,
          payload: row.payload,
          reason: reason ?? 'other_store',
          received_at: now,
        })),
      )
      .execute();
  }
  const latest = new Map<string, PushRow>();
  for (const { row, reason } of judged)
    if (reason === null) latest.set(`${row.entity}\u0000${row.entityId}`, row);
  if (latest.size === 0) return;
  await trx
    .insertInto('hq_rows')
    .values(
      [...latest.values()].map((row) => ({
        store_id: device.hqStoreId,
        entity: row.entity,
        entity_id: row.entityId,
        payload: row.payload,
        hash: row.hash,
        deleted: row.op === 'delete',
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['store_id', 'entity', 'entity_id']).doUpdateSet((eb) => ({
        payload: eb.ref('excluded.payload'),
        hash: eb.ref('excluded.hash'),
        deleted: eb.ref('excluded.deleted'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/**
 * Applies a pushed batch in one transaction, under a lock on the device instance's position: rows
 * headquarters already has (same seq, same hash) are skipped, the next ones applied in order, rows the
 * store may not write quarantined. A gap or a known seq with another payload refuses the whole batch
 * with headquarters' position, so the counter knows where to resume.
 */
export async function pushBatch(
  db: HqDatabase,
  device: AuthenticatedDevice,
  request: PushRequest,
  now: number,
) {
  if ((request.rows[0]?.seq ?? 0) < request.firstSeq) {
    throw new HqError('invalid_input', 'A batch starts at or after the instance’s first seq');
  }
  request.rows.forEach((row, i) => {
    if (i > 0 && row.seq !== (request.rows[i - 1]?.seq ?? 0) + 1) {
      throw new HqError('invalid_input', 'A batch is consecutive outbox rows in order');
    }
    if (sha256(row.payload) !== row.hash)
      throw new HqError('invalid_input', `Row ${row.seq}: the hash does not match its payload`);
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch {
      throw new HqError('invalid_input', `Row ${row.seq}: the payload is not JSON`);
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw new HqError('invalid_input', `Row ${row.seq}: the payload is not a row (a JSON object)`);
    }
  });
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hq_positions')
      // A database instance starts where the counter says it does: a restored backup's outbox
      // begins at whatever seq it had not yet sent when the backup was taken.
      .values({
        device_id: device.deviceId,
        db_instance_id: request.dbInstanceId,
        last_seq: request.firstSeq - 1,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['device_id', 'db_instance_id']).doNothing())
      .execute();
    const position = await trx
      .selectFrom('hq_positions')
      .select('last_seq')
      .where('device_id', '=', device.deviceId)
      .where('db_instance_id', '=', request.dbInstanceId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const start = Number(position.last_seq);
    // Rows it has already: each must come with the hash it came with the first time.
    const resent = request.rows.filter((row) => row.seq <= start);
    if (resent.length > 0) {
      const known = await trx
        .selectFrom('hq_received')
        .select(['seq', 'hash'])
        .where('device_id', '=', device.deviceId)
        .where('db_instance_id', '=', request.dbInstanceId)
        .where(
          'seq',
          'in',
          resent.map((row) => row.seq),
        )
        .execute();
      const hashes = new Map(known.map((row) => [Number(row.seq), row.hash]));
      if (resent.some((row) => hashes.get(row.seq) !== row.hash)) {
        throw new PositionConflict('different_payload', start);
      }
    }
    const fresh = request.rows.filter((row) => row.seq > start);
    if (fresh[0] && fresh[0].seq !== start + 1) throw new PositionConflict('gap', start);
    if (fresh.length > 0) await applyRows(trx, device, request.dbInstanceId, fresh, now);
    const last = fresh.at(-1)?.seq ?? start;
    await trx
      .updateTable('hq_positions')
      .set({ last_seq: last, updated_at: now })
      .where('device_id', '=', device.deviceId)
      .where('db_instance_id', '=', request.dbInstanceId)
      .execute();
    return { acknowledged: last };
  });
}
