import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { hashPin } from '../../../electron/core/auth/pin';
import { Core } from '../../../electron/core/core';
import { syncOnce } from '../../../electron/core/sync/sync.service';
import { importMasterFile } from '../../../server/master-file';
import { chainMaster } from '../../helpers/hq';
import { chain, enrolledStore, invariantProblems } from './chain';
import type { SyncWorkerConfig } from './sync-worker';

/**
 * A counter process taking phones in and syncing, killed with SIGKILL again and again: at random
 * moments, exactly when headquarters has committed a push the counter has not yet heard back about,
 * and in the middle of a download of several pages. Meanwhile headquarters publishes master data.
 * In the end the invariant holds, and every intake the counter acknowledged is at headquarters.
 * SYNC_KILL_SEED replays a run's choices.
 */
const runs = 18;
const seed = Number(process.env.SYNC_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const repoRoot = path.resolve(__dirname, '../../..');

function random(start: number) {
  let state = start >>> 0 || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

type Line = { t: 'ready' } | { t: 'ack'; ticket: string } | { t: 'synced'; error: string; depth: number };

function startWorker(config: SyncWorkerConfig) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'sync-worker.ts'), JSON.stringify(config)],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: Line[] = [];
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const listeners: ((line: Line) => void)[] = [];
  if (child.stdout) {
    readline.createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as Line;
      lines.push(line);
      for (const listener of listeners) listener(line);
    });
  }
  const ended = new Promise<{ signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (_code, signal) => resolve({ signal })),
  );
  return {
    child,
    lines,
    ended,
    onLine: (f: (line: Line) => void) => listeners.push(f),
    stderr: () => stderr,
  };
}

describe('sync under SIGKILL', () => {
  it(`loses nothing and doubles nothing across ${runs} kills (seed ${seed})`, async () => {
    console.log(`sync kill seed: ${seed}`);
    const next = random(seed);
    const c = await chain([]);
    try {
      await importMasterFile(c.hq.db, chainMaster('SH01'), c.hq.now());
      const store = await enrolledStore(c.hq, c.proxy, 'SH01');
      c.stores.push(store);
      const config: Omit<SyncWorkerConfig, 'serialBase'> = {
        dataDir: store.core.dataDir,
        clockStartMs: store.clock.now() + 60_000,
        clerk: { id: store.crew.clerk.id, pin: store.crew.clerk.pin },
      };
      await store.core.close();
      // Enough staff that a download takes several pages (one hash for all: scrypt is slow on purpose).
      const pinHash = await hashPin('9999');
      const roster = (round: number) =>
        Array.from({ length: 1200 }, (_, i) => ({
          store: 'SH01',
          name: `临时工${i}`,
          role: 'clerk',
          pinHash,
          active: round % 2 === 0,
        }));

      const acked = new Set<string>();
      const kills = { random: 0, beforeAck: 0, midPull: 0 };
      for (let run = 0; run < runs; run++) {
        const mode = (['random', 'beforeAck', 'midPull'] as const)[run % 3] ?? 'random';
        if (mode === 'midPull') await importMasterFile(c.hq.db, { staff: roster(run) }, c.hq.now());
        const worker = startWorker({ ...config, serialBase: run * 1000 });
        worker.onLine((line) => {
          if (line.t === 'ack') acked.add(line.ticket);
        });
        const kill = () => {
          if (worker.child.exitCode === null && !worker.child.killed) {
            worker.child.kill('SIGKILL');
            kills[mode] += 1;
          }
        };
        let pulls = 0;
        c.proxy.beforeAnswer = async (seen) => {
          if (mode === 'beforeAck' && seen.url === '/v1/push' && seen.status === 200) kill();
          if (mode === 'midPull' && seen.url.startsWith('/v1/pull') && ++pulls === 2) kill();
          if (worker.child.killed) await worker.ended; // the answer goes nowhere
        };
        if (mode === 'random') {
          const acks = 1 + next(5);
          worker.onLine((line) => {
            if (line.t === 'ack' && worker.lines.filter((l) => l.t === 'ack').length === acks) {
              setTimeout(kill, next(120));
            }
          });
        }
        const { signal } = await worker.ended;
        c.proxy.beforeAnswer = null;
        expect(signal, worker.stderr()).toBe('SIGKILL');
      }
      expect(kills.beforeAck).toBeGreaterThan(0);
      expect(kills.midPull).toBeGreaterThan(0);

      // The counter as the app would open it after the last crash; the network behaving.
      store.core = await Core.open({
        dataDir: config.dataDir,
        appVersion: '0.0.0-test',
        now: store.clock.now,
      });
      for (let round = 0; round < 5; round++) {
        const status = await syncOnce(store.core);
        if (!status.lastError && status.outboxDepth === 0 && !status.downloading) break;
      }
      expect(await invariantProblems(c)).toEqual([]);
      const tickets = await c.hq.db
        .selectFrom('hq_rows')
        .select('entity_id')
        .where('entity', '=', 'tickets')
        .execute();
      const atHq = new Set(tickets.map((row) => row.entity_id));
      expect([...acked].filter((id) => !atHq.has(id))).toEqual([]);
      expect(acked.size).toBeGreaterThan(runs);
      console.log(`sync kill: ${acked.size} intakes acknowledged, kills ${JSON.stringify(kills)}`);
    } finally {
      await c.close();
    }
  }, 240_000);
});
