import './seed/text-imports';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { seedDatabase } from './seed/generate';

/**
 * `npm run seed -- --tickets N --data-dir DIR [--parts 10000] [--seed 1] [--end-date YYYY-MM-DD] [--years 3]`:
 * a realistic store with years of history, for the bench and for trying the app at scale.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tickets: { type: 'string', default: '10000' },
      parts: { type: 'string', default: '10000' },
      'data-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      'end-date': { type: 'string' },
      years: { type: 'string', default: '3' },
      batch: { type: 'string', default: '10000' },
      'no-worker': { type: 'boolean', default: false },
    },
  });
  const dataDir = values['data-dir'];
  const tickets = Number(values.tickets);
  const parts = Number(values.parts);
  if (!dataDir || !Number.isInteger(tickets) || tickets < 0 || !Number.isInteger(parts) || parts < 0) {
    console.error('usage: npm run seed -- --tickets N --data-dir DIR [--seed 1] [--end-date YYYY-MM-DD]');
    process.exit(2);
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        'seeding {bar} {percentage}% | {value}/{total} tickets | {rate} tickets/s | ETA {eta_formatted}',
      etaBuffer: 50,
      hideCursor: true,
      // Without a terminal (CI, a log file) print a line every 10 s instead of redrawing.
      noTTYOutput: !process.stderr.isTTY,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  const start = performance.now();
  bar.start(tickets, 0, { rate: 0 });
  const summary = await seedDatabase({
    dataDir,
    tickets,
    seed: Number(values.seed),
    endDate: values['end-date'],
    years: Number(values.years),
    batchSize: Number(values.batch),
    worker: !values['no-worker'],
    parts,
    onProgress: (done) => bar.update(done, { rate: Math.round(done / ((performance.now() - start) / 1000)) }),
  }).finally(() => bar.stop());
  console.error(
    `seeded ${summary.tickets} tickets and ${summary.parts} parts in ${(summary.ms / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
