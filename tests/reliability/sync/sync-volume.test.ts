import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/core';
import { fillOutboxBacklog } from '../../helpers/outbox-backlog';
import { chain, invariantProblems } from './chain';

const offlineChanges = 100_000;
/** The drain's heap limit: well under the backlog's size (about 120 MB of JSON), so holding it dies. */
const heapLimitMb = 96;

describe('a long time offline', () => {
  it(`sends ${offlineChanges.toLocaleString('en')} changes made offline once it reconnects, in bounded memory`, async () => {
    const c = await chain(['SH01']);
    try {
      const [store] = c.stores;
      if (!store) throw new Error('no store');
      // One real intake's rows, then the backlog: a ticket row per change (what a busy store's
      // months offline look like to the outbox), written straight into it for speed.
      await store.take();
      fillOutboxBacklog(store.core, offlineChanges, store.clock.now());

      // The counter drains in a process of its own whose heap is smaller than the backlog.
      const dataDir = store.core.dataDir;
      await store.core.close();
      // Not spawnSync: headquarters answers from this process's event loop.
      const drained = await new Promise<{ status: number | null; stdout: string; stderr: string }>(
        (resolve) => {
          const child = spawn(
            process.execPath,
            [
              `--max-old-space-size=${heapLimitMb}`,
              '--import',
              'tsx',
              path.join(__dirname, 'drain-worker.ts'),
              dataDir,
            ],
            { cwd: path.resolve(__dirname, '../../..') },
          );
          let stdout = '';
          let stderr = '';
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
          child.on('close', (status) => resolve({ status, stdout, stderr }));
        },
      );
      expect(drained.status, drained.stderr).toBe(0);
      const { status, seconds, maxRssMb } = JSON.parse(drained.stdout) as {
        status: { lastError: string; outboxDepth: number };
        seconds: number;
        maxRssMb: number;
      };
      expect(status).toMatchObject({ lastError: '', outboxDepth: 0 });
      console.log(
        `offline backlog: ${offlineChanges} changes in ${seconds.toFixed(1)} s, peak RSS ${maxRssMb} MB`,
      );
      store.core = await Core.open({ dataDir, appVersion: '0.0.0-test', now: store.clock.now });
      expect(await invariantProblems(c)).toEqual([]);
    } finally {
      await c.close();
    }
  }, 300_000);
});
