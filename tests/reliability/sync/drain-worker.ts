/**
 * Runs one sync of a counter's database in a process of its own, under the heap limit the volume
 * test gives it (`node --max-old-space-size=N --import tsx drain-worker.ts <dataDir>`): a drain that
 * held the backlog in memory would die of it. Prints the status and the process's peak memory.
 */
import '../../../scripts/seed/text-imports';
import { Core } from '../../../electron/core/core';
import { syncOnce } from '../../../electron/core/sync/sync.service';

async function main() {
  const core = await Core.open({ dataDir: process.argv[2] ?? '', appVersion: '0.0.0-test' });
  const startedAt = performance.now();
  const status = await syncOnce(core);
  const seconds = (performance.now() - startedAt) / 1000;
  await core.close();
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ status, seconds, maxRssMb })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
