import type { ReportKind, ReportResult } from '../../../shared/contract-reports';
import type { SqliteHandle } from '../db/open';
import type { Slice } from './report-slices';

/** What a report reads with: the store's database, its id, and the whole range (for the last step). */
export type ReportScope = { sqlite: SqliteHandle; storeId: string; whole: Slice; now: number };

/**
 * A report adds up slice by slice into its accumulator (so a run can stop between slices), then
 * `finish` turns the sums into the rows the screen, the printout and the CSV show.
 */
export type ReportDefinition<Acc> = {
  kind: ReportKind;
  empty(): Acc;
  add(acc: Acc, scope: ReportScope, slice: Slice): void;
  finish(acc: Acc, scope: ReportScope): ReportResult;
};

/** Category names for the rows that name categories. */
export function categoryNames(sqlite: SqliteHandle): Record<string, { zh: string; en: string }> {
  const rows = sqlite.prepare('SELECT id, name_zh, name_en FROM categories').all() as {
    id: string;
    name_zh: string;
    name_en: string;
  }[];
  return Object.fromEntries(rows.map((row) => [row.id, { zh: row.name_zh, en: row.name_en }]));
}
