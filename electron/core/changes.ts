import { newId } from '../../shared/ids';
import type { Ctx } from './context';
import type { Tx } from './db/schema';

type Change = {
  action: string;
  entity: string;
  entityId: string;
  /** The row as it now stands, shipped to headquarters by sync. */
  row: Record<string, unknown>;
  details?: Record<string, unknown>;
};

/**
 * Records a change to store data: an audit entry and an outbox row, written inside the caller's
 * transaction so they exist exactly when the change does.
 */
export async function recordChange(trx: Tx, ctx: Ctx, change: Change): Promise<void> {
  await recordEvent(trx, ctx, change);
  await queueSync(trx, ctx, change.entity, change.entityId, change.row);
}

/**
 * Queues a row for headquarters without an audit entry of its own: for the rows a single audited act
 * writes alongside its main one (an intake's customer, device, custody entry and deposit).
 */
export async function queueSync(
  trx: Tx,
  ctx: Ctx,
  entity: string,
  entityId: string,
  row: object,
): Promise<void> {
  const storeId = ctx.core.storeId;
  if (!storeId) throw new Error('queueSync before the store exists');
  await trx
    .insertInto('outbox')
    .values({
      id: newId(),
      store_id: storeId,
      entity,
      entity_id: entityId,
      op: 'upsert',
      payload: JSON.stringify(row),
      created_at: ctx.core.now(),
    })
    .execute();
}

/** An audit entry alone, for acts that change no synced data (sign-in, lock-out, restore). */
export async function recordEvent(
  trx: Tx,
  ctx: Ctx,
  event: Omit<Change, 'row'> & { staffId?: string | null },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: newId(),
      store_id: ctx.core.storeId,
      at: ctx.core.now(),
      staff_id: event.staffId !== undefined ? event.staffId : (ctx.session?.staffId ?? null),
      override_by: ctx.overrideBy,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
