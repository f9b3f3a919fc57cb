import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { denominations, type CashCount } from '../../shared/cash';
import { Core } from '../../electron/core/core';
import { verifyCustodyLedger } from '../../electron/core/custody/verify-ledger';
import { computeZReport } from '../../electron/core/dayclose/z-report';
import { kyselyFor, openSqlite } from '../../electron/core/db/open';
import type { StoresTable } from '../../electron/core/db/schema';
import { rpc, value } from '../helpers/core';
import { CallLog } from './call-log';
import { dayFigures, zReportDifferences } from './day-figures';
import { runWorker } from './kill-run';
import { checkLedgers } from './ledger-checks';
import { seededRandom, type Request, type WorkerConfig } from './money-protocol';
import { floatFen, moneyStore } from './money-store';

/**
 * The crash test: a child process takes payments and hand-backs in a loop while this test
 * kills it with SIGKILL at random moments, many times. After every kill the database must be whole,
 * no payment partial or doubled, every acknowledged payment present, and the ledger sums equal the
 * drawer, the custody count and the Z-report; at the end the day is closed on those figures.
 * KILL_LOOP_SEED replays a run's choices; KILL_LOOP_KILLS sets how many kills.
 */
const kills = Number(process.env.KILL_LOOP_KILLS ?? 30);
const seed = Number(process.env.KILL_LOOP_SEED ?? Math.floor(Math.random() * 2 ** 31));

type Store = Awaited<ReturnType<typeof moneyStore>>;

/** Everything checked on the database as the last kill left it, read-only (the WAL stays hot). */
async function inspect(store: Store, log: CallLog, setupCashKeys: string[]) {
  const sqlite = openSqlite(store.databaseFile, { readonly: true });
  try {
    const findings = checkLedgers(sqlite, log, setupCashKeys);
    const custody = await verifyCustodyLedger(sqlite);
    if (custody.firstBroken) findings.problems.push(`custody ledger: ${JSON.stringify(custody.firstBroken)}`);
    const storeRow = sqlite.prepare('SELECT * FROM stores').get() as StoresTable;
    // The function dayclose.preview answers with, on this connection.
    const report = await computeZReport(kyselyFor(sqlite), storeRow, store.businessDate, { blind: false });
    findings.problems.push(...zReportDifferences(report, dayFigures(sqlite, store.businessDate)));
    return findings;
  } finally {
    sqlite.close();
  }
}

/** The drawer counted exactly, largest notes first (every amount here is whole jiao). */
function countOf(fen: number): CashCount {
  const counts: CashCount = {};
  let left = fen;
  for (const note of denominations) {
    const n = Math.floor(left / note);
    if (n > 0) counts[String(note)] = n;
    left -= n * note;
  }
  if (left !== 0) throw new Error(`${fen} fen is not whole jiao`);
  return counts;
}

/** Opens the core as the app would after the crashes and closes the day on the Z-report. */
async function closeTheDay(store: Store, now: number) {
  const core = await Core.open({ dataDir: store.dataDir, appVersion: '0.0.0-test', now: () => now });
  try {
    const { token } = value(
      await rpc(core, 'auth.signIn', { staffId: store.clerk.id, pin: store.clerk.pin }),
    );
    const call = { token };
    const businessDate = store.businessDate;
    const raw = () => dayFigures(core.sqlite, businessDate);
    const preview = value(await rpc(core, 'dayclose.preview', { businessDate }, call));
    expect(zReportDifferences(preview, raw())).toEqual([]);
    const counts = countOf(raw().expectedCashFen);
    value(await rpc(core, 'dayclose.count', { businessDate, counts, idempotencyKey: randomUUID() }, call));
    const closeKey = randomUUID();
    const closed = value(await rpc(core, 'dayclose.close', { businessDate, idempotencyKey: closeKey }, call));
    expect(zReportDifferences(closed, raw())).toEqual([]);
    expect(closed).toMatchObject({
      closed: true,
      zNo: 1,
      cash: { varianceFen: 0, countedFen: raw().expectedCashFen },
    });
    const again = value(await rpc(core, 'dayclose.close', { businessDate, idempotencyKey: closeKey }, call));
    expect(again.zNo).toBe(1);
    const row = core.sqlite.prepare('SELECT expected_fen, counted_fen, variance_fen FROM day_closes').all();
    expect(row).toEqual([
      { expected_fen: raw().expectedCashFen, counted_fen: raw().expectedCashFen, variance_fen: 0 },
    ]);
    return closed;
  } finally {
    await core.close();
  }
}

describe('payments and hand-backs under SIGKILL', () => {
  it(`lose nothing, double nothing and keep the Z-report true across ${kills} kills`, async () => {
    console.log(`kill-loop seed ${seed} (replay its choices with KILL_LOOP_SEED=${seed})`);
    const started = Date.now();
    const random = seededRandom(seed);
    // Enough tickets waiting that hand-backs never run out (about one call in four is one).
    const store = await moneyStore({ ready: 100 + kills * 4, open: 40 });
    console.log(`kill-loop database: ${store.databaseFile}`);
    const floatKeys = (() => {
      const sqlite = openSqlite(store.databaseFile, { readonly: true });
      const keys = sqlite
        .prepare("SELECT idempotency_key FROM cash_movements WHERE kind = 'float'")
        .pluck()
        .all();
      sqlite.close();
      return keys as string[];
    })();
    const log = new CallLog();
    // Each run's clock starts a minute after the last one's: all on the one business day (from 10:01,
    // so up to ~800 kills).
    const config = (run: number, retry: Request | null, maxCalls: number | null): WorkerConfig => ({
      dataDir: store.dataDir,
      clockStartMs: store.clockStartMs + run * 60_000,
      seed: random.int(1, 2 ** 31),
      clerk: store.clerk,
      ready: store.ready,
      open: store.open,
      retry,
      maxCalls,
    });
    const clean = { lost: [], doubled: [], problems: [] };
    let committedUnacked = 0;
    let retried = 0;

    for (let round = 0; round < kills; round += 1) {
      if (log.pending) retried += 1;
      const kill = { afterAcks: random.int(1, 25), delayMs: random.int(0, 40) };
      const run = await runWorker(config(round, log.pending, null), kill);
      expect(run.signal, `round ${round} (seed ${seed}): ${run.stderr}`).toBe('SIGKILL');
      log.add(run.lines);
      const { lost, doubled, problems, pendingCommitted } = await inspect(store, log, floatKeys);
      expect({ lost, doubled, problems }, `after kill ${round + 1} (seed ${seed})`).toEqual(clean);
      if (pendingCommitted) committedUnacked += 1;
    }

    // A last, clean run sends what the last kill left unanswered (same key), then stops.
    if (log.pending) retried += 1;
    const last = await runWorker(config(kills, log.pending, 0));
    expect(last.code, last.stderr).toBe(0);
    log.add(last.lines);
    expect(log.pending).toBeNull();
    expect(log.problems).toEqual([]);
    const final = await inspect(store, log, floatKeys);
    expect({ lost: final.lost, doubled: final.doubled, problems: final.problems }).toEqual(clean);
    // Every request ever announced was acknowledged in the end, and so is in the ledger once.
    expect([...log.intents.keys()].filter((key) => !log.acked.has(key))).toEqual([]);
    expect(final.handBacks).toBeGreaterThan(kills / 2);

    const z = await closeTheDay(store, store.clockStartMs + (kills + 2) * 60_000);
    expect(z.cash.floatFen).toBe(floatFen);
    const afterClose = await inspect(store, log, floatKeys);
    expect(afterClose.problems).toEqual([]);

    console.log(
      `kill-loop: ${kills} kills, ${log.calls} acked calls, ${final.paymentRows} payment rows, ` +
        `${final.handBacks} hand-backs, ${final.lost.length} lost, ${final.doubled.length} doubled ` +
        `(${log.repeats} repeated calls, ${retried} calls re-sent after a kill, ${committedUnacked} kills ` +
        `after a commit and before its acknowledgement; Z-1 net ${z.totals?.netFen} fen, expected cash ` +
        `${z.cash.expectedFen} fen; ${Date.now() - started} ms, seed ${seed})`,
    );
    // Kept when a check fails (its path is printed above), removed when all held.
    fs.rmSync(store.dataDir, { recursive: true, force: true });
  }, 180_000);
});
