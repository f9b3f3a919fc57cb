import type { Core } from '../core';
import { syncOnce } from './sync.service';

/** How often the counter pushes what waits, when it is enrolled. */
export const syncIntervalMs = 60_000;

/**
 * Runs sync in the background: on a timer the host starts, and on demand. One run at a time, so two
 * pushes never send the same rows at once; a run never holds a transaction across the network.
 */
export class Syncer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly core: Core) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(
      () => void this.run().catch((error: unknown) => console.error('[sync]', error)),
      syncIntervalMs,
    );
    this.timer.unref();
  }

  /** One push now, after any run under way. */
  run(): Promise<unknown> {
    const next = (this.running ?? Promise.resolve()).catch(() => undefined).then(() => syncOnce(this.core));
    this.running = next;
    return next;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
