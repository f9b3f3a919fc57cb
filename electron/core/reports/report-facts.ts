import type { SqliteHandle } from '../db/open';
import { rebuildWorkCredits } from './work-credits';

/**
 * Fills in what the app keeps on each ticket for its reports, where a ticket lacks it: for a database
 * written without the app (the seed's history) and for tickets headquarters received before their
 * store had migration 0011. A ticket the app already filled in keeps its values (the product as it
 * was received). Then every work credit is rebuilt. Needs the tickets, their devices and their
 * events to finished statuses.
 */
export function fillReportFacts(sqlite: SqliteHandle): void {
  sqlite.exec(`
    UPDATE tickets SET category_id = d.category_id, brand = d.brand, model = d.model
      FROM devices d WHERE d.id = tickets.device_id AND tickets.category_id IS NULL;
    UPDATE tickets SET finished_at = (
      SELECT min(e.at) FROM ticket_events e
      WHERE e.ticket_id = tickets.id AND e.to_status IN ('ready', 'returned_unrepaired', 'replaced'))
    WHERE finished_at IS NULL;
    UPDATE tickets SET prior_ticket_id = (
      SELECT p.id FROM tickets p
      WHERE p.device_id = tickets.device_id AND p.received_at < tickets.received_at AND p.status != 'cancelled'
      ORDER BY p.received_at DESC LIMIT 1)
    WHERE prior_ticket_id IS NULL;
    UPDATE tickets SET prior_gap_days = max(0, (tickets.received_at - coalesce(p.collected_at, p.received_at)) / 86400000)
      FROM tickets p WHERE p.id = tickets.prior_ticket_id AND tickets.prior_gap_days IS NULL;
  `);
  rebuildWorkCredits(sqlite);
}
