import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import { sessionOf, type Ctx } from '../context';
import type { Core } from '../core';
import { planReport } from './reports';
import { nextTurn } from '../next-turn';

type Run = { staffId: string; done: number; total: number; cancelled: boolean };

/** Runs going on, per core: in memory only (a run that dies with the app is simply run again). */
const runsByCore = new WeakMap<Core, Map<string, Run>>();
/** A few at once is plenty for one counter; more is someone's loop, refused. */
const maxRuns = 4;

const runsOf = (core: Core) => {
  let runs = runsByCore.get(core);
  if (!runs) runsByCore.set(core, (runs = new Map()));
  return runs;
};

/**
 * Turns of the event loop until no other call's transaction is open on the connection. The report
 * reads with the bare connection between turns, and another call may be halfway through a write in
 * one of them: a read then would see rows that may yet be rolled back. Nothing awaits between this
 * and the read that follows it.
 */
async function betweenTransactions(sqlite: { inTransaction: boolean }): Promise<void> {
  do await nextTurn();
  while (sqlite.inTransaction);
}

/**
 * Runs a report slice by slice (a month each), yielding between slices so the core keeps answering,
 * counting progress, and stopping with `cancelled` when asked to.
 */
export async function runReport(
  ctx: Ctx,
  input: ParsedInputOf<'reports.run'>,
): Promise<OutputOf<'reports.run'>> {
  const { staffId } = sessionOf(ctx);
  const runs = runsOf(ctx.core);
  if (runs.has(input.runId)) return failWith('conflict', 'That run is already going');
  if (runs.size >= maxRuns) return failWith('conflict', `At most ${maxRuns} reports run at once`);
  // Read without awaiting: the run is registered before any other call can ask about it.
  const storeId = ctx.core.storeId ?? failWith('not_set_up', 'This counter has not been set up yet');
  const timeZone = ctx.core.sqlite.prepare('SELECT time_zone FROM stores WHERE id = ?').pluck().get(storeId);
  if (typeof timeZone !== 'string') return failWith('not_set_up', 'This counter has not been set up yet');
  const { definition, scope, slices } = planReport(
    ctx.core.sqlite,
    { id: storeId, timeZone },
    input.kind,
    input.range,
    ctx.core.now(),
  );
  const run: Run = { staffId, done: 0, total: slices.length + 1, cancelled: false };
  runs.set(input.runId, run);
  try {
    const acc = definition.empty();
    for (const slice of slices) {
      await betweenTransactions(ctx.core.sqlite);
      if (run.cancelled) return failWith('cancelled', 'The report was stopped');
      definition.add(acc, scope, slice);
      run.done += 1;
    }
    await betweenTransactions(ctx.core.sqlite);
    if (run.cancelled) return failWith('cancelled', 'The report was stopped');
    return definition.finish(acc, scope);
  } finally {
    runs.delete(input.runId);
  }
}

export async function reportProgress(
  ctx: Ctx,
  input: ParsedInputOf<'reports.progress'>,
): Promise<OutputOf<'reports.progress'>> {
  const run = runsOf(ctx.core).get(input.runId);
  return run && run.staffId === sessionOf(ctx).staffId ? { done: run.done, total: run.total } : null;
}

/** Only the person who started a run stops it. */
export async function cancelReport(
  ctx: Ctx,
  input: ParsedInputOf<'reports.cancel'>,
): Promise<OutputOf<'reports.cancel'>> {
  const run = runsOf(ctx.core).get(input.runId);
  if (!run || run.staffId !== sessionOf(ctx).staffId) return { cancelled: false };
  run.cancelled = true;
  return { cancelled: true };
}
