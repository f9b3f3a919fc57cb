import { parentPort } from 'node:worker_threads';
import { produceHistory, type Batch, type Plan } from './producer';

/**
 * Worker thread: generates the history while the main thread writes it, so a big seed uses both
 * cores. At most `inFlight` batches wait unwritten; each written batch is acknowledged.
 */
const inFlight = 24;

const port = parentPort;
if (!port) throw new Error('scripts/seed/worker.ts runs as a worker thread');

let pending = 0;
let wake: (() => void) | null = null;

port.on('message', (message: { plan: Plan } | 'ack') => {
  if (message === 'ack') {
    pending--;
    wake?.();
    wake = null;
    return;
  }
  void produceHistory(message.plan, async (batch: Batch) => {
    while (pending >= inFlight) await new Promise<void>((resolve) => (wake = resolve));
    pending++;
    port.postMessage(batch);
  }).then(
    () => port.postMessage('done'),
    (error: unknown) => port.postMessage({ error: String(error instanceof Error ? error.stack : error) }),
  );
});
