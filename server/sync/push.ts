import { createHash } from 'node:crypto';
import { masterDataEntities, type PushRequest, type PushRow } from '../../shared/sync-protocol';
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
  if (masterDataEntities.includes(row.entity)) return 'master_data' as const;
  return null;
}

async function applyRow(
  trx: HqTx,
  device: AuthenticatedDevice,
  dbInstanceId: string,
  row: PushRow,
  now: number,
) {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  const reason = quarantineReason(device, row, payload);
  await trx
    .insertInto('hq_received')
    .values({
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
    })
    .execute();
  if (reason) {
    await trx
      .insertInto('hq_quarantine')
      .values({
        device_id: device.deviceId,
        db_instance_id: dbInstanceId,
        seq: row.seq,
        store_id: device.hqStoreId,
        claimed_store_id: row.storeId,
        entity: row.entity,
        entity_id: row.entityId,
        payload: row.payload,
        reason,
        received_at: now,
      })
      .execute();
    return;
  }
  const values = {
    store_id: device.hqStoreId,
    entity: row.entity,
    entity_id: row.entityId,
    payload: row.payload,
    hash: row.hash,
    deleted: row.op === 'delete',
    updated_at: now,
  };
  await trx
    .insertInto('hq_rows')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['store_id', 'entity', 'entity_id']).doUpdateSet({
        payload: values.payload,
        hash: values.hash,
        deleted: values.deleted,
        updated_at: now,
      }),
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
  request.rows.forEach((row, i) => {
    if (i > 0 && row.seq !== (request.rows[i - 1]?.seq ?? 0) + 1) {
      throw new HqError('invalid_input', 'A batch is consecutive outbox rows in order');
    }
    if (sha256(row.payload) !== row.hash)
      throw new HqError('invalid_input', `Row ${row.seq}: the hash does not match its payload`);
    try {
      JSON.parse(row.payload);
    } catch {
      throw new HqError('invalid_input', `Row ${row.seq}: the payload is not JSON`);
    }
  });
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hq_positions')
      .values({
        device_id: device.deviceId,
        db_instance_id: request.dbInstanceId,
        last_seq: 0,
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
    let last = start;
    for (const row of request.rows) {
      if (row.seq <= last) {
        const known = await trx
          .selectFrom('hq_received')
          .select('hash')
          .where('device_id', '=', device.deviceId)
          .where('db_instance_id', '=', request.dbInstanceId)
          .where('seq', '=', row.seq)
          .executeTakeFirst();
        if (known?.hash !== row.hash) throw new PositionConflict('different_payload', start);
        continue;
      }
      if (row.seq !== last + 1) throw new PositionConflict('gap', start);
      await applyRow(trx, device, request.dbInstanceId, row, now);
      last = row.seq;
    }
    await trx
      .updateTable('hq_positions')
      .set({ last_seq: last, updated_at: now })
      .where('device_id', '=', device.deviceId)
      .where('db_instance_id', '=', request.dbInstanceId)
      .execute();
    return { acknowledged: last };
  });
}
