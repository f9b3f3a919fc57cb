/** Timing and summary statistics for the bench: wall-clock ms from process.hrtime.bigint. */

export const nowNs = (): bigint => process.hrtime.bigint();

export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** Runs `fn` and returns how long it took, in ms. */
export async function timed(fn: () => unknown): Promise<number> {
  const start = nowNs();
  await fn();
  return msSince(start);
}

/** The p-th percentile (0-100) of the samples, interpolated between the nearest ranks. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (rank - low);
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export type MeasureOptions = {
  /** Untimed calls first (cycling through the inputs), to warm caches and the JIT. */
  warmup: number;
  /** Stop early once this much time went into timed calls and `minSamples` were taken. */
  budgetMs?: number;
  minSamples?: number;
};

/**
 * Times `fn` once per input after the warm-up; `fn` is told whether the call is timed. Slow
 * operations stop at the time budget, so a regression shows as a figure instead of a hung bench.
 */
export async function measure<T>(
  inputs: readonly T[],
  fn: (input: T, timed: boolean) => unknown,
  options: MeasureOptions,
) {
  const { warmup, budgetMs = 30_000, minSamples = 20 } = options;
  const warmupStart = nowNs();
  for (let i = 0; i < warmup && msSince(warmupStart) < budgetMs / 5; i++) {
    await fn(inputs[i % inputs.length] as T, false);
  }
  const samples: number[] = [];
  let spent = 0;
  for (const input of inputs) {
    const ms = await timed(() => fn(input, true));
    samples.push(ms);
    spent += ms;
    if (spent > budgetMs && samples.length >= minSamples) break;
  }
  return { p50: median(samples), p95: percentile(samples, 95), n: samples.length };
}
