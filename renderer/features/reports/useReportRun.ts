import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportKind, ReportResult } from '../../../shared/contract-reports';
import type { AppError } from '../../../shared/result';
import { call } from '../../api';

type Range = { from: string; to: string };
export type RunState =
  | { state: 'idle' }
  | { state: 'running'; runId: string; done: number; total: number }
  | { state: 'done'; result: ReportResult; range: Range; ms: number }
  | { state: 'failed'; error: AppError };

/** How often a running report is asked how far it got. */
const pollMs = 250;

/**
 * Runs a report in the core and follows it: the slices done of the total while it runs (the core
 * answers between slices, so the screen stays live), `cancel()` to stop it. A run started while
 * another is going stops the other.
 */
export function useReportRun() {
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const current = useRef<string | null>(null);

  const cancel = useCallback(() => {
    const runId = current.current;
    if (runId) void call('reports.cancel', { runId });
  }, []);

  const start = useCallback(
    async (kind: ReportKind, range: Range) => {
      cancel();
      const runId = crypto.randomUUID();
      current.current = runId;
      const started = performance.now();
      setRun({ state: 'running', runId, done: 0, total: 0 });
      const result = await call('reports.run', { runId, kind, range });
      if (current.current !== runId) return; // a later run replaced this one
      current.current = null;
      setRun(
        result.ok
          ? { state: 'done', result: result.value, range, ms: performance.now() - started }
          : result.error.code === 'cancelled'
            ? { state: 'idle' }
            : { state: 'failed', error: result.error },
      );
    },
    [cancel],
  );

  const runId = run.state === 'running' ? run.runId : null;
  useEffect(() => {
    if (!runId) return;
    const timer = window.setInterval(() => {
      void call('reports.progress', { runId }).then((answer) => {
        if (!answer.ok || !answer.value || current.current !== runId) return;
        const { done, total } = answer.value;
        setRun((state) =>
          state.state === 'running' && state.runId === runId ? { ...state, done, total } : state,
        );
      });
    }, pollMs);
    return () => window.clearInterval(timer);
  }, [runId]);

  // Leaving the screen stops what it started.
  useEffect(() => cancel, [cancel]);

  return { run, start, cancel };
}
