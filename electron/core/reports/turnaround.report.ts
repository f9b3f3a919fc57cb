import type { TurnaroundRow } from '../../../shared/contract-reports';
import { categoryNames, type ReportDefinition } from './report-definition';
import { HourHistogram } from './hours';

type Group = {
  categoryId: string;
  serviceType: TurnaroundRow['serviceType'];
  repair: HourHistogram;
  collect: HourHistogram;
};
type Acc = Map<string, Group>;

type Bucket = {
  category_id: string;
  service_type: TurnaroundRow['serviceType'];
  hours: number;
  n: number;
  ms: number;
};

/**
 * Turnaround of the tickets whose work finished in the range, by category and service type: received
 * to finished, and (for those handed back) finished to handed back. One covering index range each.
 */
export const turnaroundReport: ReportDefinition<Acc> = {
  kind: 'turnaround',
  empty: () => new Map(),
  add(acc, { sqlite, storeId }, slice) {
    const group = (row: Bucket) => {
      const key = `${row.category_id}\u0000${row.service_type}`;
      let found = acc.get(key);
      if (!found) {
        found = {
          categoryId: row.category_id,
          serviceType: row.service_type,
          repair: new HourHistogram(),
          collect: new HourHistogram(),
        };
        acc.set(key, found);
      }
      return found;
    };
    const args = [storeId, slice.fromMs, slice.toMs];
    const repair = sqlite
      .prepare(
        `SELECT coalesce(category_id, '') AS category_id, service_type, (finished_at - received_at) / 3600000 AS hours,
           count(*) AS n, sum(finished_at - received_at) AS ms
         FROM tickets WHERE store_id = ? AND finished_at >= ? AND finished_at < ?
         GROUP BY 1, 2, 3`,
      )
      .all(...args) as Bucket[];
    for (const row of repair) group(row).repair.add(row.hours, row.n, row.ms);
    const collect = sqlite
      .prepare(
        `SELECT coalesce(category_id, '') AS category_id, service_type, (collected_at - finished_at) / 3600000 AS hours,
           count(*) AS n, sum(collected_at - finished_at) AS ms
         FROM tickets WHERE store_id = ? AND finished_at >= ? AND finished_at < ? AND collected_at IS NOT NULL
         GROUP BY 1, 2, 3`,
      )
      .all(...args) as Bucket[];
    for (const row of collect) group(row).collect.add(row.hours, row.n, row.ms);
  },
  finish(acc, { sqlite }) {
    const rows = [...acc.values()]
      .map((g): TurnaroundRow => ({
        categoryId: g.categoryId,
        serviceType: g.serviceType,
        finished: g.repair.count,
        repairHoursMean: g.repair.mean() ?? 0,
        repairHoursMedian: g.repair.median() ?? 0,
        collected: g.collect.count,
        collectHoursMean: g.collect.mean(),
        collectHoursMedian: g.collect.median(),
      }))
      .sort((a, b) => a.categoryId.localeCompare(b.categoryId) || a.serviceType.localeCompare(b.serviceType));
    return { kind: 'turnaround', rows, categories: categoryNames(sqlite) };
  },
};
