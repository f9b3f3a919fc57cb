import type { IncomeRow } from '../../../shared/contract-reports';
import type { ReportDefinition } from './report-definition';

type Acc = Map<string, IncomeRow>;

/**
 * Money taken and refunded by the business date it went through the drawer, per the ticket's service
 * type (A-D) and the payment method. Refunds are kept apart so net = taken - refunded.
 */
export const incomeReport: ReportDefinition<Acc> = {
  kind: 'income',
  empty: () => new Map(),
  add(acc, { sqlite, storeId }, slice) {
    const rows = sqlite
      .prepare(
        `SELECT t.service_type AS serviceType, p.method,
           sum(CASE WHEN p.kind = 'refund' THEN 0 ELSE p.amount_fen END) AS takenFen,
           sum(CASE WHEN p.kind = 'refund' THEN p.amount_fen ELSE 0 END) AS refundedFen,
           count(*) AS payments
         FROM payments p JOIN tickets t ON t.id = p.ticket_id
         WHERE p.store_id = ? AND p.business_date >= ? AND p.business_date <= ?
         GROUP BY 1, 2`,
      )
      .all(storeId, slice.from, slice.to) as IncomeRow[];
    for (const row of rows) {
      const key = `${row.serviceType}\u0000${row.method}`;
      const found = acc.get(key);
      if (!found) acc.set(key, row);
      else {
        found.takenFen += row.takenFen;
        found.refundedFen += row.refundedFen;
        found.payments += row.payments;
      }
    }
  },
  finish: (acc) => ({
    kind: 'income',
    rows: [...acc.values()].sort(
      (a, b) => a.serviceType.localeCompare(b.serviceType) || a.method.localeCompare(b.method),
    ),
  }),
};
