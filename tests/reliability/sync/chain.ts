import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { syncOnce } from '../../../electron/core/sync/sync.service';
import type { Core } from '../../../electron/core/core';
import { addStore } from '../../../server/stores';
import { isMasterEntity } from '../../../shared/master-data';
import { enrolCounter, headquarters, type Hq } from '../../helpers/hq';
import { repairStore } from '../../helpers/repair';
import { FaultProxy } from './fault-proxy';

type Store = Awaited<ReturnType<typeof repairStore>>;
export type ChainStore = Store & { code: string; hqStoreId: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Test-only: every outbox row ever written, kept by a trigger in the counter's own database (so it
 * survives restarts and travels with a backup). The invariant compares headquarters to this.
 */
export function keepOutboxLog(sqlite: Core['sqlite']): void {
  sqlite.exec(`
    CREATE TABLE IF NOT EXISTS test_outbox_log (seq INTEGER PRIMARY KEY, entity TEXT, entity_id TEXT, payload TEXT);
    INSERT OR IGNORE INTO test_outbox_log SELECT seq, entity, entity_id, payload FROM outbox;
    CREATE TRIGGER IF NOT EXISTS test_outbox_log AFTER INSERT ON outbox BEGIN
      INSERT INTO test_outbox_log VALUES (NEW.seq, NEW.entity, NEW.entity_id, NEW.payload);
    END;`);
}

/** Headquarters (on the test PostgreSQL) behind a fault proxy, and counters enrolled through it. */
export async function chain(codes: string[] = ['SH01']) {
  const hq = await headquarters();
  await hq.app.listen({ port: 0, host: '127.0.0.1' });
  const address = hq.app.server.address();
  const proxy = new FaultProxy(
    `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
  );
  await proxy.start();
  const stores: ChainStore[] = [];
  for (const code of codes) stores.push(await enrolledStore(hq, proxy, code));
  return {
    hq,
    proxy,
    stores,
    async close() {
      await proxy.stop();
      await hq.close();
      for (const store of stores) await store.core.close();
    },
  };
}
export type Chain = Awaited<ReturnType<typeof chain>>;

export async function enrolledStore(hq: Hq, proxy: FaultProxy, code: string): Promise<ChainStore> {
  const known = await hq.db.selectFrom('hq_stores').select('id').where('code', '=', code).executeTakeFirst();
  const hqStoreId = known?.id ?? (await addStore(hq.db, { code, name: `${code} 门店` }, hq.now())).id;
  const store = await repairStore(code);
  keepOutboxLog(store.core.sqlite);
  await enrolCounter(hq, proxy.url, store, code);
  return Object.assign(store, { code, hqStoreId });
}

/**
 * Syncs every store, the network behaving, until each has nothing left to send and has read
 * everything headquarters publishes. A run that still fails here is a finding, not a retry case.
 */
export async function converge(chain: Chain): Promise<void> {
  chain.proxy.always('pass');
  for (const store of chain.stores) {
    for (let round = 0; ; round++) {
      const status = await syncOnce(store.core);
      if (status.outboxDepth === 0 && !status.lastError && !status.downloading) break;
      if (round === 3) throw new Error(`${store.code} does not converge: ${JSON.stringify(status)}`);
    }
  }
}

type Options = {
  /** Rows headquarters may hold beyond a store's (a store restored from a backup lost them). */
  lostAtStore?: Map<string, Set<string>>;
};

/**
 * The issue's invariant, as a list of what is wrong (empty when all holds): for every store the
 * server holds exactly the store's rows (same ids, same row hashes; master data in quarantine), every
 * store holds headquarters' master data, no (device, instance, seq) twice or missing, outbox empty.
 */
export async function invariantProblems(chain: Chain, options: Options = {}): Promise<string[]> {
  const problems: string[] = [];
  const { hq } = chain;
  for (const store of chain.stores) {
    const sqlite = store.core.sqlite;
    const depth = (sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    if (depth !== 0) problems.push(`${store.code}: ${depth} rows still in the outbox`);

    const log = sqlite
      .prepare(
        `SELECT entity, entity_id, payload FROM test_outbox_log
         WHERE seq IN (SELECT max(seq) FROM test_outbox_log GROUP BY entity, entity_id)`,
      )
      .all() as { entity: string; entity_id: string; payload: string }[];
    const expected = new Map(
      log
        .filter((row) => !isMasterEntity(row.entity))
        .map((row) => [`${row.entity}/${row.entity_id}`, sha256(row.payload)]),
    );
    const held = await hq.db
      .selectFrom('hq_rows')
      .select(['entity', 'entity_id', 'hash'])
      .where('store_id', '=', store.hqStoreId)
      .execute();
    const atHq = new Map(held.map((row) => [`${row.entity}/${row.entity_id}`, row.hash]));
    const lost = options.lostAtStore?.get(store.code) ?? new Set<string>();
    for (const [key, hash] of expected) {
      if (!atHq.has(key)) problems.push(`${store.code}: ${key} missing at headquarters`);
      else if (atHq.get(key) !== hash) problems.push(`${store.code}: ${key} differs at headquarters`);
    }
    for (const key of atHq.keys()) {
      if (!expected.has(key) && !lost.has(key)) problems.push(`${store.code}: ${key} at headquarters only`);
    }
    for (const key of lost)
      if (!atHq.has(key)) problems.push(`${store.code}: lost row ${key} dropped by headquarters`);
    // Every master row the store pushed (all of them, not only the latest) is in quarantine.
    const masterSeqs = (
      sqlite.prepare('SELECT seq, entity FROM test_outbox_log').all() as { seq: number; entity: string }[]
    )
      .filter((row) => isMasterEntity(row.entity))
      .map((row) => row.seq);
    const quarantinedSeqs = new Set(
      (
        await hq.db
          .selectFrom('hq_quarantine')
          .select('seq')
          .where('store_id', '=', store.hqStoreId)
          .where('reason', '=', 'master_data')
          .execute()
      ).map((row) => Number(row.seq)),
    );
    const unquarantined = masterSeqs.filter((seq) => !quarantinedSeqs.has(seq));
    if (unquarantined.length > 0)
      problems.push(`${store.code}: master rows ${unquarantined.join(',')} not quarantined`);

    // Headquarters' master data for this store, as the store holds it.
    const published = await hq.db
      .selectFrom('hq_master')
      .select(['entity', 'entity_id', 'payload'])
      .where('deleted', '=', false)
      .where((eb) => eb.or([eb('store_id', 'is', null), eb('store_id', '=', store.hqStoreId)]))
      .execute();
    const local = new Map(
      (
        sqlite.prepare('SELECT entity, entity_id, payload FROM hq_master').all() as {
          entity: string;
          entity_id: string;
          payload: string;
        }[]
      ).map((row) => [`${row.entity}/${row.entity_id}`, JSON.parse(row.payload) as unknown]),
    );
    for (const row of published) {
      const key = `${row.entity}/${row.entity_id}`;
      if (!local.has(key)) problems.push(`${store.code}: master ${key} not at the store`);
      else if (!isDeepStrictEqual(local.get(key), row.payload))
        problems.push(`${store.code}: master ${key} differs`);
      local.delete(key);
    }
    for (const key of local.keys())
      problems.push(`${store.code}: master ${key} deleted at headquarters, still here`);
    problems.push(...appliedProblems(store, published));
  }

  // No (device, instance, seq) twice (hq_received's key makes sure), none skipped.
  const positions = await hq.db
    .selectFrom('hq_received')
    .select(({ fn }) => [
      'device_id',
      'db_instance_id',
      fn.countAll<number>().as('rows'),
      fn.min<number>('seq').as('first'),
      fn.max<number>('seq').as('last'),
    ])
    .groupBy(['device_id', 'db_instance_id'])
    .execute();
  for (const p of positions) {
    if (Number(p.last) - Number(p.first) + 1 !== Number(p.rows))
      problems.push(`device ${p.device_id}: seqs skipped`);
  }
  return problems;
}

type Published = { entity: string; entity_id: string; payload: unknown }[];

/**
 * What headquarters publishes, in the store's own tables (not only in its record of what it was
 * sent): categories, policies and staff as published, no other category active, the receipt terms.
 */
function appliedProblems(store: ChainStore, published: Published): string[] {
  const problems: string[] = [];
  const sqlite = store.core.sqlite;
  const live = (entity: string) => published.filter((row) => row.entity === entity);
  for (const row of live('categories')) {
    const category = row.payload as { nameZh: string; active: boolean };
    const local = sqlite.prepare('SELECT name_zh, active FROM categories WHERE id = ?').get(row.entity_id);
    if (!isDeepStrictEqual(local, { name_zh: category.nameZh, active: category.active ? 1 : 0 })) {
      problems.push(`${store.code}: category ${row.entity_id} not as published`);
    }
  }
  // When headquarters publishes categories, they are the store's whole catalogue: nothing else active.
  const liveCategories = live('categories').map((row) => row.entity_id);
  if (liveCategories.length > 0) {
    const active = (
      sqlite.prepare('SELECT id FROM categories WHERE active = 1').all() as { id: string }[]
    ).map((row) => row.id);
    if (!isDeepStrictEqual(active.sort(), [...liveCategories].sort())) {
      problems.push(
        `${store.code}: active categories ${active.join(',')} are not headquarters' ${liveCategories.join(',')}`,
      );
    }
  }
  for (const row of live('warranty_policies')) {
    const local = sqlite.prepare('SELECT policy FROM warranty_policies WHERE id = ?').get(row.entity_id) as
      { policy: string } | undefined;
    if (!local || !isDeepStrictEqual(JSON.parse(local.policy), row.payload)) {
      problems.push(`${store.code}: warranty policy ${row.entity_id} not as published`);
    }
  }
  for (const row of live('staff')) {
    const member = row.payload as { name: string; role: string; pinHash: string; active: boolean };
    const local = sqlite
      .prepare('SELECT name, role, pin_hash, active FROM staff WHERE id = ?')
      .get(row.entity_id);
    const expected = {
      name: member.name,
      role: member.role,
      pin_hash: member.pinHash,
      active: member.active ? 1 : 0,
    };
    if (!isDeepStrictEqual(local, expected))
      problems.push(`${store.code}: staff ${row.entity_id} not as published`);
  }
  // Where headquarters publishes anything, its receipt terms are the store's (none: cleared).
  const terms = live('receipt_terms')[0]?.payload as { text: string } | undefined;
  if (published.length > 0 && store.core.settings.receiptTerms !== (terms?.text ?? '')) {
    problems.push(`${store.code}: receipt terms differ`);
  }
  return problems;
}
