import type Database from 'better-sqlite3';

/**
 * The seed writes tickets, events and labour with bare statements, as history: this fills in what
 * the app keeps for its reports as it goes (the product as received, when the work first finished,
 * the device's previous ticket, the technicians' work credits), the way migration 0011 did for
 * stores that existed before it.
 */
export function deriveReportFacts(sqlite: Database.Database): void {
  sqlite.exec(`
    UPDATE tickets SET category_id = d.category_id, brand = d.brand, model = d.model
      FROM devices d WHERE d.id = tickets.device_id;
    UPDATE tickets SET finished_at = (
      SELECT min(e.at) FROM ticket_events e
      WHERE e.ticket_id = tickets.id AND e.to_status IN ('ready', 'returned_unrepaired', 'replaced'));
    UPDATE tickets SET prior_ticket_id = (
      SELECT p.id FROM tickets p
      WHERE p.device_id = tickets.device_id AND p.received_at < tickets.received_at
      ORDER BY p.received_at DESC LIMIT 1);
    UPDATE tickets SET prior_gap_days = (tickets.received_at - coalesce(p.collected_at, p.received_at)) / 86400000
      FROM tickets p WHERE p.id = tickets.prior_ticket_id;
    DELETE FROM work_credits;
    INSERT INTO work_credits (ticket_id, technician_id, store_id, finished_at, minutes, first_time_fix)
      SELECT l.ticket_id, l.technician_id, t.store_id, t.finished_at, sum(l.minutes),
        NOT EXISTS (SELECT 1 FROM repair_checks c WHERE c.ticket_id = l.ticket_id AND c.passed = 0)
      FROM labour_entries l JOIN tickets t ON t.id = l.ticket_id
      WHERE t.finished_at IS NOT NULL
      GROUP BY l.ticket_id, l.technician_id HAVING sum(l.minutes) > 0;
  `);
}
