import { sql } from 'kysely';
import {
  isMasterEntity,
  maxFeedRows,
  parseMaster,
  type FeedPage,
  type MasterEntity,
} from '../../shared/master-data';
import type { HqDatabase, HqTx } from '../db/schema';
import { HqError, type AuthenticatedDevice } from '../stores';

/** 410: the cursor is behind purged tombstones (or ahead of the feed): the counter starts again at 0. */
export class FeedExpired extends Error {
  constructor(readonly floor: number) {
    super('The cursor is older than the feed keeps deletes: download everything again');
    this.name = 'FeedExpired';
  }
}

/** One change to master data: a payload to publish, or null to delete. */
export type MasterChange = {
  entity: MasterEntity;
  entityId: string;
  /** Headquarters' store id for a store's own row (staff), null for every store. */
  storeId: string | null;
  payload: unknown;
};

/**
 * Categories name a warranty policy that must be live, in this batch or already published, and a
 * policy a live category names cannot be deleted.
 */
async function checkReferences(trx: HqTx, changes: MasterChange[]) {
  const master = await trx
    .selectFrom('hq_master')
    .select(['entity', 'entity_id', 'payload'])
    .where('entity', 'in', ['warranty_policies', 'categories'])
    .where('deleted', '=', false)
    .execute();
  const policies = new Set(
    master.filter((row) => row.entity === 'warranty_policies').map((row) => row.entity_id),
  );
  const named = new Map(
    master
      .filter((row) => row.entity === 'categories')
      .map((row) => [row.entity_id, (row.payload as { warrantyPolicyId: string }).warrantyPolicyId]),
  );
  for (const change of changes) {
    const set = change.entity === 'warranty_policies' ? policies : null;
    if (set) {
      if (change.payload === null) set.delete(change.entityId);
      else set.add(change.entityId);
    }
    if (change.entity === 'categories') {
      if (change.payload === null) named.delete(change.entityId);
      else named.set(change.entityId, (change.payload as { warrantyPolicyId: string }).warrantyPolicyId);
    }
  }
  for (const [category, policy] of named) {
    if (!policies.has(policy)) {
      throw new HqError(
        'invalid_input',
        `Category ${category} names warranty policy ${policy}, which is not there`,
      );
    }
  }
}

/**
 * A row stays in the scope it was first published in (every store, or one store): moved, the stores
 * it left would never hear of it again. Publish it under a new id and delete the old one instead.
 */
async function checkScopes(trx: HqTx, changes: MasterChange[]) {
  for (const change of changes) {
    if (change.entity === 'receipt_terms' && change.storeId !== null) {
      throw new HqError('invalid_input', 'Receipt terms are the same at every store');
    }
  }
  const known = await trx
    .selectFrom('hq_master')
    .select(['entity', 'entity_id', 'store_id'])
    .where((eb) =>
      eb.or(changes.map((c) => eb.and([eb('entity', '=', c.entity), eb('entity_id', '=', c.entityId)]))),
    )
    .execute();
  const scopeOf = new Map(known.map((row) => [`${row.entity}/${row.entity_id}`, row.store_id]));
  for (const change of changes) {
    const key = `${change.entity}/${change.entityId}`;
    if (change.payload !== null && scopeOf.has(key) && scopeOf.get(key) !== change.storeId) {
      throw new HqError(
        'invalid_input',
        `${key} belongs to another store's scope: publish it under a new id`,
      );
    }
  }
}

/**
 * Categories naming a policy this batch changes are published again after it, so that in the feed a
 * category always comes after its policy: a counter downloading everything from the start meets the
 * policy first (its own table refers to it).
 */
async function categoriesToRepublish(trx: HqTx, changes: MasterChange[]): Promise<MasterChange[]> {
  const policies = changes.filter((c) => c.entity === 'warranty_policies' && c.payload !== null);
  if (policies.length === 0) return [];
  const inBatch = new Set(changes.filter((c) => c.entity === 'categories').map((c) => c.entityId));
  const rows = await trx
    .selectFrom('hq_master')
    .select(['entity_id', 'payload'])
    .where('entity', '=', 'categories')
    .where('deleted', '=', false)
    .where(
      sql<string>`payload->>'warrantyPolicyId'`,
      'in',
      policies.map((c) => c.entityId),
    )
    .orderBy('pos')
    .execute();
  return rows
    .filter((row) => !inBatch.has(row.entity_id))
    .map((row) => ({ entity: 'categories', entityId: row.entity_id, storeId: null, payload: row.payload }));
}

/**
 * Publishes master data changes in one transaction. Every change takes the next feed position from
 * `hq_feed`, whose row stays locked until this transaction commits: a second writer waits, so
 * positions become visible in order and a reader that has seen position p never later finds a
 * smaller one appear (with a plain sequence, a slow transaction's earlier number can commit after a
 * reader moved past it, and that change would never reach the stores).
 */
export async function writeMaster(db: HqDatabase, batch: MasterChange[], now: number): Promise<number> {
  if (batch.length === 0) return 0;
  for (const change of batch) {
    if (!isMasterEntity(change.entity))
      throw new HqError('invalid_input', `${change.entity} is not master data`);
    if (change.payload === null) continue;
    try {
      change.payload = parseMaster(change.entity, change.entityId, change.payload);
    } catch (error) {
      throw new HqError(
        'invalid_input',
        `${change.entity} ${change.entityId}: ${error instanceof Error ? error.message.slice(0, 300) : 'invalid'}`,
      );
    }
  }
  return db.transaction().execute(async (trx) => {
    const feed = await trx
      .selectFrom('hq_feed')
      .select('last_pos')
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await checkReferences(trx, batch);
    await checkScopes(trx, batch);
    const changes = [...batch, ...(await categoriesToRepublish(trx, batch))];
    let pos = feed.last_pos;
    for (const change of changes) {
      pos += 1;
      if (change.payload === null) {
        const known = await trx
          .updateTable('hq_master')
          .set({ payload: null, deleted: true, pos, updated_at: now })
          .where('entity', '=', change.entity)
          .where('entity_id', '=', change.entityId)
          .where('deleted', '=', false)
          .executeTakeFirst();
        if (known.numUpdatedRows === 0n)
          throw new HqError('not_found', `No ${change.entity} ${change.entityId}`);
        continue;
      }
      const values = {
        entity: change.entity,
        entity_id: change.entityId,
        store_id: change.storeId,
        payload: JSON.stringify(change.payload),
        deleted: false,
        pos,
        updated_at: now,
      };
      await trx
        .insertInto('hq_master')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['entity', 'entity_id']).doUpdateSet({
            store_id: values.store_id,
            payload: values.payload,
            deleted: false,
            pos,
            updated_at: now,
          }),
        )
        .execute();
    }
    await trx.updateTable('hq_feed').set({ last_pos: pos }).where('id', '=', 1).execute();
    return pos;
  });
}

/**
 * The next page of the feed for a device's store: changes after `after`, in position order, rows for
 * every store and for this one.
 * - The head is read first: every position up to it is committed (writers take positions in commit
 *   order), so a page that reaches it can say "caught up to the head", even past positions that
 *   belong to other stores or to purged tombstones. The cursor then never falls behind the floor.
 * - The floor is read after the rows, so a purge that raced the read is noticed: either its
 *   tombstones were in what was read, or the floor has already moved past `after`.
 * - A full download (`download`) starts at 0 and passes below the floor by design: what it misses
 *   was deleted, and the counter removes at its end what the download did not bring.
 */
export async function feedPage(
  db: HqDatabase,
  device: AuthenticatedDevice,
  after: number,
  options: { limit?: number; download?: boolean } = {},
): Promise<FeedPage> {
  const limit = Math.min(options.limit ?? maxFeedRows, maxFeedRows);
  const { last_pos: head } = await db.selectFrom('hq_feed').select('last_pos').executeTakeFirstOrThrow();
  const scoped = () =>
    db
      .selectFrom('hq_master')
      .where((eb) => eb.or([eb('store_id', 'is', null), eb('store_id', '=', device.hqStoreId)]))
      .where('pos', '<=', head);
  const rows = await scoped()
    .select(['pos', 'entity', 'entity_id', 'deleted', 'payload'])
    .where('pos', '>', after)
    .orderBy('pos')
    .limit(limit)
    .execute();
  const { floor_pos: floor } = await db.selectFrom('hq_feed').select('floor_pos').executeTakeFirstOrThrow();
  if ((!options.download && after > 0 && after < floor) || after > head) throw new FeedExpired(floor);
  const caughtUp = rows.length < limit;
  const last = caughtUp ? Math.max(head, after) : (rows.at(-1)?.pos ?? after);
  const { remaining } = caughtUp
    ? { remaining: 0 }
    : await scoped()
        .select((eb) => eb.fn.countAll<number>().as('remaining'))
        .where('pos', '>', last)
        .executeTakeFirstOrThrow();
  return {
    rows: rows.map((row) => ({
      pos: row.pos,
      entity: row.entity as MasterEntity,
      entityId: row.entity_id,
      deleted: row.deleted,
      payload: row.payload,
    })),
    last,
    remaining: Number(remaining),
  };
}

/**
 * Forgets tombstones older than `before`. A counter whose cursor is behind the newest one forgotten
 * could miss a delete, so the floor moves up to it and such a cursor gets 410 and a full download.
 */
export async function purgeTombstones(db: HqDatabase, before: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const purged = await trx
      .deleteFrom('hq_master')
      .where('deleted', '=', true)
      .where('updated_at', '<', before)
      .returning('pos')
      .execute();
    const newest = Math.max(0, ...purged.map((row) => row.pos));
    await trx
      .updateTable('hq_feed')
      .set({ floor_pos: sql`GREATEST(floor_pos, ${newest})` })
      .where('id', '=', 1)
      .execute();
    return purged.length;
  });
}
