import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { hashPin } from '../electron/core/auth/pin';
import { Core } from '../electron/core/core';
import { dispatch } from '../electron/core/dispatch';
import { pullFeed } from '../electron/core/sync/pull-client';
import { pushOutbox } from '../electron/core/sync/push-client';
import { linkOf } from '../electron/core/sync/sync.service';
import { startPostgresCluster } from '../scripts/postgres-cluster';
import { openHqDatabase } from '../server/db/open';
import { importMasterFile } from '../server/master-file';
import { addStore, createEnrolmentCode, enrol } from '../server/stores';
import { feedPage } from '../server/sync/feed';
import type { InputOf, MethodName, OutputOf } from '../shared/contract';
import { addDays, calendarDateIn } from '../shared/dates';
import { phoneIntake } from '../tests/helpers/intake';
import { fillOutboxBacklog } from '../tests/helpers/outbox-backlog';
import { adminPin, storeInput } from '../tests/helpers/sample-store';
import { median, msSince, nowNs, percentile } from './stats';

const repoRoot = path.resolve(__dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Headquarters as in production: its own process, on PostgreSQL, quiet logs. */
async function startHqServer(databaseUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port)], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, HQ_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // Readiness of a process we started, not test synchronisation: poll its health check.
  for (;;) {
    const ok = await fetch(`${url}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error('headquarters did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
  };
}

/** A fresh counter, set up and signed in, its outbox holding `backlog` ticket changes made offline. */
async function counterWithBacklog(backlog: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-bench-sync-'));
  const core = await Core.open({ dataDir, appVersion: 'bench' });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>, token?: string) => {
    const result = await dispatch(core, method, input, { token });
    if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
    return result.value as OutputOf<M>;
  };
  const { adminId } = await call('setup.create', storeInput);
  const { token } = await call('auth.signIn', { staffId: adminId, pin: adminPin });
  let serial = 0;
  const intake = () => {
    const input = phoneIntake({
      serviceType: 'A',
      estimateFen: 20000,
      promisedDate: addDays(calendarDateIn(Date.now(), 'Asia/Shanghai'), 3),
      deposit: { method: 'cash', amountFen: 1000 },
    });
    input.device = { ...input.device, purchaseDate: null, serial: `BENCH${(serial += 1)}` };
    return call('tickets.create', input, token);
  };
  await intake();
  const { payloads, storeId } = fillOutboxBacklog(core, backlog, Date.now());
  return { core, call, token, intake, payloads, storeId };
}

/**
 * The sync figures, against a real PostgreSQL (a throwaway cluster with fsync on) and headquarters
 * in its own process, each with a baseline from the same run:
 * - `sync.push.ops_per_s`: one counter draining `changes` offline changes, against bare multi-row
 *   INSERTs of the same rows into PostgreSQL;
 * - `sync.counter_write.p95_ms`: intakes at the counter while it drains, against the same intakes
 *   with nothing to send;
 * - `sync.pull.rows_per_s`: a first download of `masterRows` master rows applied at the counter,
 *   against reading the same feed pages straight from PostgreSQL;
 * - `sync.server.p95_ms`: `stores` counters all syncing at once, each a 20-row push every
 *   `intervalMs`, against one store pushing alone; and the worst case, every store in the same
 *   instant (`burst_p95_ms`).
 */
export async function benchSync(options: {
  changes: number;
  masterRows: number;
  stores: number;
  seconds: number;
  intervalMs: number;
}) {
  const cluster = await startPostgresCluster({ fsync: true });
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE hq');
  await admin.end();
  const databaseUrl = cluster.url.replace(/\/postgres$/, '/hq');
  const db = await openHqDatabase({ kind: 'postgres', url: databaseUrl });
  const hq = await startHqServer(databaseUrl);
  const figures: Record<string, number> = {};
  try {
    await addStore(db, { code: 'SH01', name: '上海南京路店' }, Date.now());
    const counter = await counterWithBacklog(options.changes);
    const { code } = await createEnrolmentCode(db, 'SH01', 1, Date.now());
    await counter.call('sync.enrol', { serverUrl: hq.url, code, deviceName: 'bench' }, counter.token);
    const link = await linkOf(counter.core);
    if (!link) throw new Error('not enrolled');

    // Counter writes with nothing to send: the baseline.
    const alone: number[] = [];
    for (let i = 0; i < 60; i++) {
      const start = nowNs();
      await counter.intake();
      alone.push(msSince(start));
    }
    // The drain, with a clerk taking a phone in every 50 ms meanwhile.
    const during: number[] = [];
    let draining = true;
    const clerk = (async () => {
      while (draining) {
        const start = nowNs();
        await counter.intake();
        during.push(msSince(start));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const drainStart = nowNs();
    const sent = await pushOutbox(counter.core, link);
    const drainMs = msSince(drainStart);
    draining = false;
    await clerk;
    await pushOutbox(counter.core, link); // what the clerk added at the very end
    figures['sync.push.ops_per_s'] = sent / (drainMs / 1000);
    figures['sync.push.rows'] = sent;
    figures['sync.counter_write.p95_ms'] = percentile(during, 95);
    figures['sync.counter_write.idle_p95_ms'] = percentile(alone, 95);
    figures['sync.counter_write.ratio_to_idle'] = percentile(during, 95) / percentile(alone, 95);
    figures['sync.counter_write.samples'] = during.length;

    // Baseline: the same rows as bare multi-row INSERTs, 500 a statement, one transaction each.
    await sql`CREATE TABLE bench_rows (entity_id TEXT PRIMARY KEY, payload JSONB NOT NULL)`.execute(db);
    const rawStart = nowNs();
    for (let i = 0; i < counter.payloads.length; i += 500) {
      const chunk = counter.payloads.slice(i, i + 500);
      await db
        .transaction()
        .execute((trx) =>
          sql`INSERT INTO bench_rows (entity_id, payload) VALUES ${sql.join(
            chunk.map((payload) => sql`(${randomUUID()}, ${payload}::jsonb)`),
          )}`.execute(trx),
        );
    }
    const rawPerS = counter.payloads.length / (msSince(rawStart) / 1000);
    figures['sync.push.raw_insert_per_s'] = rawPerS;
    figures['sync.push.ratio_to_raw'] = figures['sync.push.ops_per_s'] / rawPerS;

    // Pull: a first download of a big roster for this store (one hash for all: scrypt is slow on purpose).
    const pinHash = await hashPin('9999');
    await importMasterFile(
      db,
      {
        staff: Array.from({ length: options.masterRows }, (_, i) => ({
          store: 'SH01',
          name: `员工${i}`,
          role: 'clerk',
          pinHash,
        })),
      },
      Date.now(),
    );
    const hqStore = await db
      .selectFrom('hq_stores')
      .select('id')
      .where('code', '=', 'SH01')
      .executeTakeFirstOrThrow();
    const device = {
      deviceId: link.deviceId,
      hqStoreId: hqStore.id,
      storeId: counter.storeId,
      storeCode: 'SH01',
    };
    const readStart = nowNs();
    for (let after = 0; ;) {
      const page = await feedPage(db, device, after, { download: true });
      after = page.last;
      if (page.remaining === 0) break;
    }
    const readPerS = options.masterRows / (msSince(readStart) / 1000);
    const pullStart = nowNs();
    const pulled = await pullFeed(counter.core, link);
    figures['sync.pull.rows_per_s'] = pulled / (msSince(pullStart) / 1000);
    figures['sync.pull.feed_read_per_s'] = readPerS;
    figures['sync.pull.ratio_to_feed_read'] = figures['sync.pull.rows_per_s'] / readPerS;
    await counter.core.close();

    // Many stores: enrolled straight in the database, each pushing 20-row batches over HTTP.
    const devices: {
      deviceId: string;
      secret: string;
      storeId: string;
      dbInstanceId: string;
      seq: number;
    }[] = [];
    for (let s = 0; s < options.stores; s++) {
      const storeCode = `S${String(s).padStart(3, '0')}`;
      await addStore(db, { code: storeCode, name: `门店${s}` }, Date.now());
      const { code: once } = await createEnrolmentCode(db, storeCode, 1, Date.now());
      const storeId = `local-${storeCode}`;
      const credential = await enrol(db, { code: once, deviceName: 'bench', storeId, storeCode }, Date.now());
      devices.push({ ...credential, storeId, dbInstanceId: randomUUID(), seq: 0 });
    }
    const ticketPayload = JSON.parse(counter.payloads[0] ?? '{}') as Record<string, unknown>;
    const pushOnce = async (d: (typeof devices)[number]) => {
      const rows = Array.from({ length: 20 }, () => {
        const id = randomUUID();
        const payload = JSON.stringify({ ...ticketPayload, id, store_id: d.storeId });
        d.seq += 1;
        return {
          seq: d.seq,
          storeId: d.storeId,
          entity: 'tickets',
          entityId: id,
          op: 'upsert',
          payload,
          hash: createHash('sha256').update(payload).digest('hex'),
        };
      });
      const start = nowNs();
      const response = await fetch(`${hq.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Device ${d.deviceId}:${d.secret}` },
        body: JSON.stringify({ dbInstanceId: d.dbInstanceId, firstSeq: 1, rows }),
      });
      await response.text();
      if (!response.ok) throw new Error(`push refused: ${response.status}`);
      return msSince(start);
    };
    const single: number[] = [];
    const first = devices[0];
    if (!first) throw new Error('no stores');
    for (let i = 0; i < 30; i++) single.push(await pushOnce(first));
    // Every store syncing on its own clock, all at once: a 20-row push every `intervalMs` (60 times
    // the app's real rate of one a minute), starts spread over the first interval.
    const loaded: number[] = [];
    const loadStart = nowNs();
    const until = Date.now() + options.seconds * 1000;
    await Promise.all(
      devices.map(async (d, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * options.intervalMs) / devices.length));
        while (Date.now() < until) {
          const tookMs = await pushOnce(d);
          loaded.push(tookMs);
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, options.intervalMs - tookMs)));
        }
      }),
    );
    const loadSeconds = msSince(loadStart) / 1000;
    figures['sync.server.p95_ms'] = percentile(loaded, 95);
    figures['sync.server.p50_ms'] = median(loaded);
    figures['sync.server.alone_p50_ms'] = median(single);
    figures['sync.server.ratio_to_alone'] = median(loaded) / median(single);
    figures['sync.server.requests_per_s'] = loaded.length / loadSeconds;
    figures['sync.server.stores'] = options.stores;
    // The worst case: every store pushing in the same instant, five times over.
    const burst: number[] = [];
    const burstStart = nowNs();
    for (let round = 0; round < 5; round++)
      burst.push(...(await Promise.all(devices.map((d) => pushOnce(d)))));
    figures['sync.server.burst_p95_ms'] = percentile(burst, 95);
    figures['sync.server.burst_requests_per_s'] = burst.length / (msSince(burstStart) / 1000);
  } finally {
    await hq.stop();
    await db.destroy();
    cluster.stop();
  }
  return figures;
}
