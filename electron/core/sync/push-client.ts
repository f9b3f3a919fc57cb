import { createHash } from 'node:crypto';
import { maxPushRows, type PushAnswer, type PushRefusal, type PushRow } from '../../../shared/sync-protocol';
import type { Core } from '../core';
import { hqRequest, SyncFailure, unexpected, type Link } from './hq-request';

/** Outbox rows as the wire carries them, oldest first, at most one batch. */
async function nextBatch(core: Core): Promise<PushRow[]> {
  const rows = await core.db
    .selectFrom('outbox')
    .select(['seq', 'store_id', 'entity', 'entity_id', 'op', 'payload'])
    .orderBy('seq')
    .limit(maxPushRows)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    storeId: row.store_id,
    entity: row.entity,
    entityId: row.entity_id,
    op: row.op,
    payload: row.payload,
    hash: createHash('sha256').update(row.payload).digest('hex'),
  }));
}

/**
 * The seq this database instance's pushes begin at, fixed at its first push (before which no row of
 * it has been forgotten): the oldest outbox row then, `oldest`. Kept per instance id, so a restored backup
 * (a new id) fixes its own.
 */
async function instanceFirstSeq(core: Core, dbInstanceId: string, oldest: number): Promise<number> {
  const key = `sync_first_seq/${dbInstanceId}`;
  await core.db
    .insertInto('meta')
    .values({ key, value: String(oldest) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await core.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Forgets outbox rows headquarters holds: only after it said so. */
const forgetUpTo = (core: Core, seq: number) =>
  core.db.deleteFrom('outbox').where('seq', '<=', seq).execute();

/**
 * Drains the outbox to headquarters in order, one bounded batch at a time, deleting rows only once
 * acknowledged. A refusal names headquarters' position: rows it already has are forgotten and the
 * push resumes after them; a position behind rows this counter no longer has cannot be repaired here
 * (a database restored under the same instance id) and stops with an error. Returns the rows sent.
 */
export async function pushOutbox(core: Core, link: Link): Promise<number> {
  let sent = 0;
  for (;;) {
    const rows = await nextBatch(core);
    const first = rows[0];
    if (!first) return sent;
    const firstSeq = await instanceFirstSeq(core, link.dbInstanceId, first.seq);
    const response = await hqRequest(link, '/v1/push', {
      method: 'POST',
      body: { dbInstanceId: link.dbInstanceId, firstSeq, rows },
    });
    if (response.status === 409) {
      const refusal = (await response.json()) as PushRefusal;
      if (refusal.position < first.seq - 1) {
        throw new SyncFailure(`headquarters holds up to ${refusal.position}, this counter from ${first.seq}`);
      }
      if (refusal.error.code === 'different_payload') {
        throw new SyncFailure(`headquarters has other contents for rows up to ${refusal.position}`);
      }
      await forgetUpTo(core, refusal.position);
      continue;
    }
    if (!response.ok) throw await unexpected(response);
    const { acknowledged } = (await response.json()) as PushAnswer;
    await forgetUpTo(core, acknowledged);
    sent += rows.filter((row) => row.seq <= acknowledged).length;
    if (acknowledged < first.seq) throw new SyncFailure('headquarters acknowledged nothing');
  }
}
