import type { ReportKind, ReportResult } from '../../../shared/contract-reports';
import type { SqliteHandle } from '../db/open';
import { incomeReport } from './income.report';
import { partsReport } from './parts.report';
import { recurringFaultsReport } from './recurring.report';
import type { ReportDefinition, ReportScope } from './report-definition';
import { monthSlices, type Slice } from './report-slices';
import { serviceLevelsReport } from './service-levels.report';
import { techniciansReport } from './technicians.report';
import { turnaroundReport } from './turnaround.report';

const definitions = {
  turnaround: turnaroundReport,
  recurring_faults: recurringFaultsReport,
  technicians: techniciansReport,
  income: incomeReport,
  parts: partsReport,
  service_levels: serviceLevelsReport,
} as Record<ReportKind, ReportDefinition<unknown>>;

export type ReportPlan = {
  definition: ReportDefinition<unknown>;
  scope: ReportScope;
  slices: Slice[];
};

/** One store's report over business dates `from`..`to`, cut into months, ready to add up. */
export function planReport(
  sqlite: SqliteHandle,
  store: { id: string; timeZone: string },
  kind: ReportKind,
  range: { from: string; to: string },
  now: number,
): ReportPlan {
  const slices = monthSlices(range, store.timeZone);
  const whole = { ...range, fromMs: slices[0]?.fromMs ?? 0, toMs: slices.at(-1)?.toMs ?? 0 };
  return { definition: definitions[kind], scope: { sqlite, storeId: store.id, whole, now }, slices };
}

/** The whole report at once: for headquarters' command line, where nothing else waits on it. */
export function computeReport(...args: Parameters<typeof planReport>): ReportResult {
  const { definition, scope, slices } = planReport(...args);
  const acc = definition.empty();
  for (const slice of slices) definition.add(acc, scope, slice);
  return definition.finish(acc, scope);
}
