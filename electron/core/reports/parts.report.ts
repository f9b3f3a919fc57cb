import type { PartsRow } from '../../../shared/contract-reports';
import type { ReportDefinition } from './report-definition';

/** Per part, the net quantity each ticket kept (taken minus put back). */
type Acc = Map<string, Map<string, number>>;

/**
 * Spare parts consumed by repairs in the range: the `used` entries of the stock ledger, net of parts
 * put back, valued at each part's cost price.
 */
export const partsReport: ReportDefinition<Acc> = {
  kind: 'parts',
  empty: () => new Map(),
  add(acc, { sqlite, storeId }, slice) {
    const rows = sqlite
      .prepare(
        `SELECT part_id, ticket_id, -sum(quantity) AS quantity FROM stock_movements
         WHERE store_id = ? AND kind = 'used' AND at >= ? AND at < ?
         GROUP BY part_id, ticket_id`,
      )
      .all(storeId, slice.fromMs, slice.toMs) as { part_id: string; ticket_id: string; quantity: number }[];
    for (const row of rows) {
      const tickets = acc.get(row.part_id) ?? new Map<string, number>();
      tickets.set(row.ticket_id, (tickets.get(row.ticket_id) ?? 0) + row.quantity);
      acc.set(row.part_id, tickets);
    }
  },
  finish(acc, { sqlite, storeId }) {
    const parts = new Map(
      (
        sqlite.prepare('SELECT id, sku, name, cost_fen FROM parts WHERE store_id = ?').all(storeId) as {
          id: string;
          sku: string;
          name: string;
          cost_fen: number;
        }[]
      ).map((part) => [part.id, part]),
    );
    const rows = [...acc.entries()]
      .map(([partId, tickets]): PartsRow => {
        const part = parts.get(partId);
        const quantity = [...tickets.values()].reduce((sum, n) => sum + n, 0);
        return {
          partId,
          sku: part?.sku ?? '',
          name: part?.name ?? '',
          quantity,
          costFen: quantity * (part?.cost_fen ?? 0),
          tickets: [...tickets.values()].filter((n) => n > 0).length,
        };
      })
      .filter((row) => row.quantity !== 0)
      .sort((a, b) => b.costFen - a.costFen || a.sku.localeCompare(b.sku));
    return { kind: 'parts', rows };
  },
};
