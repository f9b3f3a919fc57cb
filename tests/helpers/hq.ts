import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildHqServer } from '../../server/app';
import { openHqDatabase } from '../../server/db/open';
import { addStore, createEnrolmentCode, enrol } from '../../server/stores';
import type { PushRow } from '../../shared/sync-protocol';

/**
 * Headquarters with the real migrations and routes: on an in-memory PGlite (the embedded
 * PostgreSQL), or, with `HQ_TEST_DATABASE_URL`, on that PostgreSQL, emptied first.
 */
export async function headquarters() {
  let clock = Date.UTC(2026, 10, 23, 2, 0, 0);
  const url = process.env.HQ_TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await admin.end();
  }
  const db = await openHqDatabase(url ? { kind: 'postgres', url } : { kind: 'embedded' });
  const app = buildHqServer({ db, now: () => clock, logger: false });
  const store = await addStore(db, { code: 'SH01', name: '上海南京路店' }, clock);
  return {
    db,
    app,
    store,
    advance: (ms: number) => (clock += ms),
    now: () => clock,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
export type Hq = Awaited<ReturnType<typeof headquarters>>;

/** `Authorization` for a device's calls. */
export const asDevice = (credential: { deviceId: string; secret: string }) => ({
  authorization: `Device ${credential.deviceId}:${credential.secret}`,
});

/** A counter of `storeCode` enrolled with a fresh code (the store is created if it is new). */
export async function enrolledCounter(hq: Hq, storeCode = 'SH01') {
  const exists = await hq.db
    .selectFrom('hq_stores')
    .select('id')
    .where('code', '=', storeCode)
    .executeTakeFirst();
  if (!exists) await addStore(hq.db, { code: storeCode, name: `${storeCode} 店` }, hq.now());
  const { code } = await createEnrolmentCode(hq.db, storeCode, 24, hq.now());
  // The counter's own store id, as its rows carry it.
  const storeId = `local-${storeCode}`;
  const credential = await enrol(
    hq.db,
    { code, deviceName: `${storeCode} 前台`, storeId, storeCode },
    hq.now(),
  );
  return { ...credential, headers: asDevice(credential), dbInstanceId: randomUUID() };
}

/** An outbox row as the counter sends it: the payload as JSON text and its SHA-256. */
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
