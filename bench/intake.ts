import type { Core } from '../electron/core/core';
import { dispatch } from '../electron/core/dispatch';
import type { IntakeCase } from './intake-cases';
import type { RawIntake } from './raw-intake';
import { median, percentile, timed } from './stats';

/**
 * A full intake (`tickets.create` through dispatch: contract parsing, session, 三包, every row, the
 * commit and the ticket read back) against its bare-insert twin, interleaved case by case on the same
 * database so both see the same cache, WAL and checkpoints. Which goes first alternates: a case's
 * customer and device pages are cold for whichever touches them first.
 */
export async function benchIntake(
  core: Core,
  token: string,
  raw: RawIntake,
  cases: IntakeCase[],
  warmup: number,
) {
  const full: number[] = [];
  const bare: number[] = [];
  for (const [i, c] of cases.entries()) {
    let failure = '';
    const runFull = () =>
      timed(async () => {
        const result = await dispatch(core, 'tickets.create', c.input, { token });
        if (!result.ok)
          failure = `${result.error.code}: ${result.error.message} ${JSON.stringify(result.error)}`;
      });
    const runRaw = () => timed(() => raw.run(c));
    const rawFirst = i % 2 === 1;
    const rawMs = rawFirst ? await runRaw() : 0;
    const fullMs = await runFull();
    if (failure) throw new Error(`tickets.create refused a bench intake: ${failure}`);
    const bareMs = rawFirst ? rawMs : await runRaw();
    if (i < warmup) continue;
    full.push(fullMs);
    bare.push(bareMs);
  }
  return {
    p50: median(full),
    p95: percentile(full, 95),
    rawP50: median(bare),
    ratio: median(full) / median(bare),
  };
}
