import '../scripts/seed/text-imports';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { calendarDateIn } from '../shared/dates';
import { listCategories } from '../electron/core/catalogue/catalogue.repository';
import { Core, databaseFileName } from '../electron/core/core';
import { Random } from '../scripts/seed/random';
import { adminPin, call, seedStaff } from '../scripts/seed/store';
import { benchGoods } from './goods';
import { benchPartsOnHand } from './parts';
import { benchRepair } from './repair';
import { benchReports } from './reports';
import { benchIntake } from './intake';
import { benchMoney } from './money';
import { makeIntakeCases } from './intake-cases';
import { measurePrintRender } from './print-render';
import { RawIntake } from './raw-intake';
import { sampleValues } from './samples';
import { median, percentile } from './stats';
import { benchIndexedLookup, benchSearch } from './search';
import { benchSync } from './sync';

/** The benches, in the order they run; `--only search,repair` runs some of them. */
const groups = ['search', 'goods', 'parts', 'repair', 'reports', 'intake', 'money', 'print', 'sync'] as const;

/**
 * `npm run bench -- --data-dir DIR [--only search,goods,parts,repair,reports,intake,print,sync]`: opens a seeded
 * database (`npm run seed`) with the real Core and prints one JSON object a line: {"metric",
 * "value", "unit", "tickets"}. Searches, lookups, the goods views and the repair board only read;
 * the repair bench moves open tickets there and back (each ends where it was, two versions on); the
 * intake bench adds its tickets (full intakes and their bare-insert twins, about 640); the money
 * bench adds a busy day (300 tickets taken in and handed back, 600-750 payments).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      intakes: { type: 'string', default: '300' },
      searches: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      seed: { type: 'string' },
      only: { type: 'string' },
      changes: { type: 'string' },
      stores: { type: 'string' },
    },
  });
  const only = values.only ? new Set(values.only.split(',').map((name) => name.trim())) : null;
  const unknown = [...(only ?? [])].filter((name) => !(groups as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--only: no bench ${unknown.join(', ')} (${groups.join(', ')})`);
  const runs = (group: (typeof groups)[number]) => !only || only.has(group);
  // Sync needs no seeded counter: it makes its own, and its own PostgreSQL and headquarters.
  if (only?.size === 1 && only.has('sync')) return runSyncBench(values);
  const dataDir = values['data-dir'];
  if (!dataDir) {
    throw new Error(
      `usage: npm run bench -- --data-dir DIR [--intakes 300] [--searches 200] [--only ${groups.join(',')}]` +
        ` (--only sync needs no data folder; --changes 100000 --stores 200)`,
    );
  }
  const warmup = Number(values.warmup);
  const random = new Random(values.seed ? Number(values.seed) : Date.now());
  warmPageCache(path.join(dataDir, databaseFileName));
  const core = await Core.open({ dataDir, appVersion: 'bench' });
  let ticketCount = 0;
  try {
    const sqlite = core.sqlite;
    const tickets = sqlite.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
    ticketCount = tickets;
    if (!core.storeId || tickets === 0) throw new Error(`${dataDir} holds no seeded store; run npm run seed`);
    const emit = (metric: string, value: number, unit = 'ms') =>
      console.log(JSON.stringify({ metric, value: Number(value.toFixed(3)), unit, tickets }));

    // Signed in as the seed's first clerk, through the app, as at the counter.
    const clerk = seedStaff[0] as (typeof seedStaff)[number];
    const staff = (await call(core, 'auth.roster', {})).find((s) => s.name === clerk.name);
    if (!staff) throw new Error(`No clerk ${clerk.name}: was ${dataDir} made by npm run seed?`);
    const { token } = await call(core, 'auth.signIn', { staffId: staff.id, pin: clerk.pin });

    const samples = sampleValues(sqlite, random, Number(values.searches));
    if (runs('search')) {
      const lookup = await benchIndexedLookup(core, samples.ticketIds, warmup);
      emit('baseline.indexed_lookup.p50_ms', lookup.p50);
      for (const result of await benchSearch(core, token, samples, warmup)) {
        const note = result.misses > 0 ? `, ${result.misses} found nothing` : '';
        console.error(`search.${result.kind}: ${result.n} timed searches${note}`);
        emit(`search.${result.kind}.p95_ms`, result.p95);
      }
    }

    if (runs('goods')) {
      const goods = await benchGoods(core, token, samples.ticketNos, warmup);
      console.error(
        `goods.onPremises: ${goods.onPremises.n} timed calls listing ${goods.onPremises.listed} devices; ` +
          `goods.whereIs: ${goods.whereIs.n} timed scans, ${goods.whereIs.unplaced} without a place; ` +
          `verified ${goods.verify.entries} entries in ${(goods.verify.ms / 1000).toFixed(1)} s`,
      );
      emit('goods.on_premises.p95_ms', goods.onPremises.p95);
      emit('goods.where_is.p95_ms', goods.whereIs.p95);
      emit('ledger.verify.rows_per_s', goods.verify.rowsPerS, 'rows/s');
      emit('custody.entries', goods.entries, 'rows');
    }

    const partCount = sqlite.prepare('SELECT count(*) FROM parts').pluck().get() as number;
    if (!runs('parts')) {
      // not asked for
    } else if (partCount > 0) {
      const parts = await benchPartsOnHand(core, token, random, { count: Number(values.searches), warmup });
      console.error(`parts: ${parts.n} timed on-hand queries over ${partCount} parts`);
      emit('parts.on_hand.p95_ms', parts.p95);
      emit('parts.count', partCount, 'parts');
    } else console.error('parts: none seeded, no parts figures (npm run seed -- --parts 10000)');

    if (runs('repair')) {
      const repair = await benchRepair(core, token, random, {
        count: Number(values.searches),
        transitions: Number(values.searches),
        warmup,
      });
      const keyed = (figure: { byKey: { key: string; p50: number; p95: number; n: number }[] }) =>
        figure.byKey.map((k) => `${k.key} ${k.p50.toFixed(2)}/${k.p95.toFixed(2)}`).join(', ');
      for (const [view, figure] of Object.entries(repair.views)) {
        console.error(
          `repair.board ${view}: ${figure.n} timed calls, ${figure.rows} rows; p50/p95 ms by status: ${keyed(figure)}`,
        );
      }
      console.error(
        `repair.myJobs: ${repair.myJobs.n} timed calls, ${repair.myJobs.jobs} own jobs listed; ${keyed(repair.myJobs)}`,
      );
      console.error(
        `repair.move: ${repair.transition.n} timed moves on ${repair.openInRepair} tickets in repair; ` +
          keyed(repair.transition),
      );
      emit('board.open_by_status.p50_ms', repair.views.status.p50);
      emit('board.open_by_status.p95_ms', repair.views.status.p95);
      emit('board.overdue.p95_ms', repair.views.overdue.p95);
      emit('board.stalled.p95_ms', repair.views.stalled.p95);
      emit('board.unassigned.p95_ms', repair.views.unassigned.p95);
      emit('board.my_jobs.p95_ms', repair.myJobs.p95);
      emit('ticket.transition.p50_ms', repair.transition.p50);
      emit('ticket.transition.p95_ms', repair.transition.p95);
    }

    if (runs('reports')) {
      // Before the intake and money benches add today's tickets: the year is the seeded history's.
      const reports = await benchReports(core);
      console.error(
        `reports: ${reports.range.from}..${reports.range.to}, ${reports.tickets} tickets received; ` +
          `the bare indexed count of them: ${reports.baseline.toFixed(2)} ms; ` +
          reports.figures.map((f) => `${f.kind} ${f.median.toFixed(1)} ms (${f.rows} rows)`).join(', '),
      );
      emit('report.year.tickets', reports.tickets, 'tickets');
      emit('report.baseline.year_count_ms', reports.baseline);
      for (const figure of reports.figures) {
        emit(`report.${figure.kind}.year_ms`, figure.median);
        emit(`report.${figure.kind}.ratio_to_count`, figure.median / reports.baseline, 'ratio');
      }
    }

    if (runs('intake')) {
      const store = sqlite
        .prepare('SELECT id, code, time_zone FROM stores WHERE id = ?')
        .get(core.storeId) as {
        id: string;
        code: string;
        time_zone: string;
      };
      const today = calendarDateIn(Date.now(), store.time_zone);
      const count = Number(values.intakes) + warmup;
      const cases = makeIntakeCases(sqlite, random, await listCategories(core.db), today, count);
      const raw = new RawIntake(sqlite, store, staff.id, today);
      const intake = await benchIntake(core, token, raw, cases, warmup);
      emit('intake.save.p50_ms', intake.p50);
      emit('intake.save.p95_ms', intake.p95);
      emit('intake.raw.p50_ms', intake.rawP50);
      emit('intake.save.ratio_to_raw', intake.ratio, 'ratio');
    }

    if (runs('money')) {
      const store = sqlite.prepare('SELECT time_zone FROM stores WHERE id = ?').get(core.storeId) as {
        time_zone: string;
      };
      const today = calendarDateIn(Date.now(), store.time_zone);
      const cases = makeIntakeCases(sqlite, random, await listCategories(core.db), today, 300);
      const money = await benchMoney(core, token, cases, warmup);
      console.error(
        `money: the busy day ${money.day.businessDate} holds ${money.day.payments} payments on ${money.day.tickets} ` +
          `tickets; ${money.pickup.n} timed hand-backs (pickup.find p50 ${money.pickup.findP50.toFixed(2)} ms), ` +
          `${money.dayclose.n} timed Z-report computations (bare GROUP BY p50 ${money.dayclose.rawP50.toFixed(2)} ms)`,
      );
      emit('pickup.save.p50_ms', money.pickup.p50);
      emit('pickup.save.p95_ms', money.pickup.p95);
      emit('pickup.save.ratio_to_find', money.pickup.p50 / money.pickup.findP50, 'ratio');
      emit('dayclose.compute.p50_ms', money.dayclose.p50);
      emit('dayclose.compute.p95_ms', money.dayclose.p95);
      emit('dayclose.compute.ratio_to_raw_sums', money.dayclose.p50 / money.dayclose.rawP50, 'ratio');
      emit('dayclose.day.payments', money.day.payments, 'rows');
    }

    await call(core, 'auth.signOut', {}, { token });
  } finally {
    await core.close();
  }
  if (runs('sync')) await runSyncBench(values);
  if (!runs('print')) return;
  // In a browser, on the same data, after the core above has closed: the claim receipt from a click
  // on "reprint" to the document handed to the printer.
  const print = await measurePrintRender({ dataDir, name: '王主管', pin: adminPin, runs: 15 });
  const line = (metric: string, value: number) =>
    console.log(
      JSON.stringify({ metric, value: Number(value.toFixed(3)), unit: 'ms', tickets: ticketCount }),
    );
  line('print.claim_receipt.render_ms', median(print.samples));
  line('print.claim_receipt.render_p95_ms', percentile(print.samples, 95));
}

/** The sync figures (bench/sync.ts), as JSON lines like the others. */
async function runSyncBench(values: { changes?: string; stores?: string }): Promise<void> {
  const figures = await benchSync({
    changes: Number(values.changes ?? 100_000),
    masterRows: 20_000,
    stores: Number(values.stores ?? 200),
    seconds: 20,
    intervalMs: 1000,
  });
  for (const [metric, value] of Object.entries(figures)) {
    const unit = metric.endsWith('_ms')
      ? 'ms'
      : metric.endsWith('_per_s')
        ? '/s'
        : metric.includes('ratio')
          ? 'ratio'
          : 'count';
    console.log(JSON.stringify({ metric, value: Number(value.toFixed(3)), unit }));
  }
}

/**
 * Reads the database file once so the figures are those of a counter that has been open a while,
 * with its file in the operating system's cache. Straight after a reboot the first searches at a
 * million tickets read from disk and take several times longer (see README, "Scale and speed").
 */
function warmPageCache(file: string): void {
  const started = Date.now();
  const chunk = Buffer.alloc(8 * 1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    while (fs.readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
  console.error(`read ${file} into the page cache in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
