import type { RecurringRow } from '../../../shared/contract-reports';
import { categoryNames, type ReportDefinition } from './report-definition';

type Acc = Map<string, RecurringRow>;

/** The products with most tickets that the table and chart keep; the totals count them all. */
const shownProducts = 200;

/**
 * Tickets received in the range per product (category, brand, model), and how many of them were the
 * same device back within 30 and 90 days of its previous hand-back (each ticket keeps that gap).
 */
export const recurringFaultsReport: ReportDefinition<Acc> = {
  kind: 'recurring_faults',
  empty: () => new Map(),
  add(acc, { sqlite, storeId }, slice) {
    const rows = sqlite
      .prepare(
        `SELECT coalesce(category_id, '') AS categoryId, brand, model, count(*) AS tickets,
           coalesce(sum(prior_gap_days <= 30), 0) AS repeat30, coalesce(sum(prior_gap_days <= 90), 0) AS repeat90
         FROM tickets WHERE store_id = ? AND received_at >= ? AND received_at < ?
         GROUP BY 1, 2, 3`,
      )
      .all(storeId, slice.fromMs, slice.toMs) as RecurringRow[];
    for (const row of rows) {
      const key = `${row.categoryId}\u0000${row.brand}\u0000${row.model}`;
      const found = acc.get(key);
      if (!found) acc.set(key, row);
      else {
        found.tickets += row.tickets;
        found.repeat30 += row.repeat30;
        found.repeat90 += row.repeat90;
      }
    }
  },
  finish(acc, { sqlite }) {
    const all = [...acc.values()];
    const total = { tickets: 0, repeat30: 0, repeat90: 0, products: all.length };
    for (const row of all) {
      total.tickets += row.tickets;
      total.repeat30 += row.repeat30;
      total.repeat90 += row.repeat90;
    }
    const rows = all
      .sort(
        (a, b) =>
          b.tickets - a.tickets ||
          b.repeat90 - a.repeat90 ||
          a.brand.localeCompare(b.brand) ||
          a.model.localeCompare(b.model) ||
          a.categoryId.localeCompare(b.categoryId),
      )
      .slice(0, shownProducts);
    return { kind: 'recurring_faults', rows, total, categories: categoryNames(sqlite) };
  },
};
