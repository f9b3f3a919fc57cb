import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WarrantyPolicy } from '../../shared/warranty';
import { listCategories } from '../../electron/core/catalogue/catalogue.repository';
import { Core } from '../../electron/core/core';
import { genesisHash } from '../../electron/core/custody/custody-ledger';
import { dayNumber, Zone } from './calendar';
import { produceHistory, type Batch, type Plan } from './producer';
import { prepareStore } from './store';
import { seedParts } from './parts';
import { seedQualityHistory } from './quality-history';
import { fillReportFacts } from '../../electron/core/reports/report-facts';
import { rebuildWorkCredits } from '../../electron/core/reports/work-credits';
import { SeedWriter } from './writer';

export type SeedOptions = {
  dataDir: string;
  tickets: number;
  /** PRNG seed: the same seed and end date give the same history. */
  seed?: number;
  /** Last business date of the history, `YYYY-MM-DD`; yesterday in the store's time zone by default. */
  endDate?: string;
  years?: number;
  /** Tickets per transaction (handed over from the generator in smaller batches). */
  batchSize?: number;
  /** Generate in a worker thread while this thread writes (needs tsx; off under Vitest). */
  worker?: boolean;
  /** Spare parts in the catalogue, with a year of stock movements (none by default). */
  parts?: number;
  onProgress?: (done: number, total: number) => void;
};

export type SeedSummary = { tickets: number; parts: number; ms: number };

/** Tickets per batch handed from the generator to the writer. */
const handOver = 1000;

/** Busier at weekends, and the store grew over the years. */
const dayWeight = (day: number, t: number) => {
  const weekday = new Date(day * 86_400_000).getUTCDay();
  return (weekday === 6 ? 1.35 : weekday === 0 ? 1.25 : weekday === 1 ? 1.05 : 0.95) * (0.75 + 0.5 * t);
};

/** Tickets per day over [first, last], summing exactly to `total`. */
export function ticketsPerDay(first: number, last: number, total: number): number[] {
  const weights = [];
  for (let day = first; day <= last; day++) weights.push(dayWeight(day, (day - first) / (last - first || 1)));
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let assigned = 0;
  return weights.map((w) => {
    cumulative += (w / sum) * total;
    const count = Math.round(cumulative) - assigned;
    assigned += count;
    return count;
  });
}

/**
 * Opens the real Core on `dataDir` (migrations, catalogue), sets the store up through the app's
 * methods, then writes years of history with bare prepared statements in large transactions.
 */
export async function seedDatabase(options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const core = await Core.open({ dataDir: options.dataDir, appVersion: 'seed' });
  try {
    const store = await prepareStore(core);
    const sqlite = core.sqlite;
    const existing = (sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    if (existing > 0)
      throw new Error(`${options.dataDir} already holds ${existing} tickets; seed a fresh one`);
    const chain = (sqlite
      .prepare('SELECT seq, hash FROM custody_movements WHERE store_id = ? ORDER BY seq DESC LIMIT 1')
      .get(store.id) as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: genesisHash };

    const zone = new Zone(store.timeZone);
    const lastDay = options.endDate ? dayNumber(options.endDate) : zone.dayAt(Date.now()) - 1;
    const firstDay = lastDay - Math.round((options.years ?? 3) * 365) + 1;
    const plan: Plan = {
      seed: options.seed ?? 1,
      store: { id: store.id, code: store.code, timeZone: store.timeZone },
      receivers: store.receivers,
      technicians: store.technicians,
      supervisors: store.supervisors,
      staff: store.staff,
      english: store.english,
      storageDays: core.settings.storageDays,
      categories: (await listCategories(core.db)).filter((c) => c.active),
      policies: (sqlite.prepare('SELECT policy FROM warranty_policies').all() as { policy: string }[]).map(
        (row) => JSON.parse(row.policy) as WarrantyPolicy,
      ),
      firstDay,
      counts: ticketsPerDay(firstDay, lastDay, options.tickets),
      end: zone.instant(lastDay, 20 * 60),
      chain,
      // Small hand-overs: each batch's rows are written and dropped while still young (cheap to
      // collect), where 10,000 tickets' worth would outlive several collections first.
      batchSize: Math.min(options.batchSize ?? 10_000, handOver),
    };

    // Bulk-load settings for this connection only: the app reopens at synchronous=FULL. Foreign keys
    // are off while loading because every reference is made by construction (tests/db/seed.test.ts
    // runs foreign_key_check on a seeded store). No WAL while loading: each batch's pages go straight
    // to the file rather than to the WAL and again at every checkpoint, which halves the commits.
    sqlite.pragma('journal_mode = MEMORY');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('cache_size = -1000000');
    sqlite.pragma('temp_store = MEMORY');
    const writer = new SeedWriter(sqlite, store.id, options.batchSize ?? 10_000);
    let done = 0;
    const write = (batch: Batch) => {
      writer.write(batch);
      done += batch.intakes.length;
      options.onProgress?.(done, options.tickets);
    };
    if (options.worker ?? true) await inWorker(plan, write);
    else
      await produceHistory(plan, async (batch) => {
        write(batch);
        await nextTurn();
      });

    writer.commit();
    fillReportFacts(sqlite);
    seedQualityHistory(sqlite, { storeId: store.id, seed: plan.seed, end: plan.end });
    rebuildWorkCredits(sqlite); // again: the ratings and come-backs are known now

    const parts = options.parts
      ? seedParts(sqlite, { storeId: store.id, parts: options.parts, seed: plan.seed, now: plan.end }).parts
      : 0;

    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    return { tickets: done, parts, ms: performance.now() - started };
  } finally {
    await core.close();
  }
}

/** A turn of the event loop between batches, so timers (the progress bar without a terminal) run. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the producer in a worker thread (loaded through tsx) and writes what it sends, in order. */
function inWorker(plan: Plan, write: (batch: Batch) => void): Promise<void> {
  const file = path.join(__dirname, 'worker.ts');
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true });
  let queue = Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: Batch | 'done' | { error: string }) => {
      if (message !== 'done' && 'error' in message) return reject(new Error(message.error));
      queue = queue
        .then(nextTurn)
        .then(() => {
          if (message === 'done') return resolve();
          write(message);
          worker.postMessage('ack');
        })
        .catch(reject);
    });
    worker.postMessage({ plan });
  }).finally(() => void worker.terminate());
}
