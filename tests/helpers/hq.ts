import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import { buildHqServer } from '../../server/app';
import { openHqDatabase } from '../../server/db/open';
import { addStore, createEnrolmentCode, enrol } from '../../server/stores';
import type { repairStore } from './repair';
import { defaultCategories } from '../../electron/core/catalogue/default-catalogue';
import type { MasterFile } from '../../server/master-file';
import { defaultWarrantyPolicies } from '../../shared/warranty-policies';

export { outboxRow } from './outbox-row';

/** A database of its own on the test PostgreSQL (tests/setup/postgres.ts), dropped by `drop`. */
export async function freshPostgres() {
  const base = new URL(inject('postgresUrl'));
  const name = `hq_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: base.href });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.href);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: base.href });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Headquarters with the real migrations and routes, on a fresh database of the test PostgreSQL, or
 * (`embedded`) on an in-memory PGlite, as `npm run server` runs without DATABASE_URL.
 */
export async function headquarters(storage: 'postgres' | 'embedded' = 'postgres') {
  let clock = Date.UTC(2026, 10, 23, 2, 0, 0);
  const database = storage === 'postgres' ? await freshPostgres() : null;
  const db = await openHqDatabase(database ? { kind: 'postgres', url: database.url } : { kind: 'embedded' });
  const app = buildHqServer({ db, now: () => clock, logger: false });
  const store = await addStore(db, { code: 'SH01', name: '上海南京路店' }, clock);
  return {
    db,
    app,
    store,
    databaseUrl: database?.url ?? null,
    advance: (ms: number) => (clock += ms),
    now: () => clock,
    async close() {
      await app.close();
      await db.destroy();
      await database?.drop();
    },
  };
}
export type Hq = Awaited<ReturnType<typeof headquarters>>;
type RepairStore = Awaited<ReturnType<typeof repairStore>>;

/** Headquarters listening on a port of its own, as a counter reaches it over HTTP. */
export async function listeningHeadquarters(): Promise<{ hq: Hq; url: string }> {
  const hq = await headquarters();
  await hq.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = hq.app.server.address() as AddressInfo;
  return { hq, url: `http://127.0.0.1:${port}` };
}

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
  const hqStoreId =
    exists?.id ?? (await addStore(hq.db, { code: storeCode, name: `${storeCode} 店` }, hq.now())).id;
  const { code } = await createEnrolmentCode(hq.db, storeCode, 24, hq.now());
  // The counter's own store id, as its rows carry it.
  const storeId = `local-${storeCode}`;
  const credential = await enrol(
    hq.db,
    { code, deviceName: `${storeCode} 前台`, storeId, storeCode },
    hq.now(),
  );
  return { ...credential, hqStoreId, headers: asDevice(credential), dbInstanceId: randomUUID() };
}

/**
 * A chain's master data file: the standard policies and categories, a price list, receipt terms and
 * staff for `storeCode`, with the PINs given in the clear (the import hashes them).
 */
export function chainMaster(storeCode = 'SH01'): MasterFile {
  return {
    warranty_policies: defaultWarrantyPolicies,
    categories: defaultCategories.map((category) => ({ ...category, nameZh: `总部${category.nameZh}` })),
    staff: [
      { store: storeCode, name: '总部派驻主任', role: 'supervisor', pin: '7777' },
      { store: storeCode, name: '总部店员', role: 'clerk', pin: '1212' },
    ],
    price_lists: [{ id: 'standard', labourRatePerHourFen: 8000, parts: { 'BAT-IP12': 19900 } }],
    receipt_terms: [{ id: 'default', text: '总部条款：凭此单取机，保管期 90 天。' }],
  };
}

/** A counter (a `repairStore`) enrolled through the sync screen's call with a fresh one-time code. */
export async function enrolCounter(hq: Hq, serverUrl: string, store: RepairStore, storeCode: string) {
  const { code } = await createEnrolmentCode(hq.db, storeCode, 24, hq.now());
  const result = await store.as('admin')('sync.enrol', { serverUrl, code, deviceName: `${storeCode} 前台` });
  if (!result.ok) throw new Error(`enrolment refused: ${result.error.code}`);
  return result.value;
}
