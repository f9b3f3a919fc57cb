import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The manager's reports and the repair-call log (issue 8):
 * - `tickets` keeps what the reports group and time by, so a year of them is one index range and no
 *   join: the product as received (category, brand, model), when the work first finished (ready,
 *   returned unrepaired or replaced), and the device's previous ticket (a cancelled one is no visit)
 *   with the days from its hand-back (or its receipt, if it never went back) to this receipt. Existing tickets are filled in
 *   from their devices and events;
 * - `work_credits`: each technician's net labour on each finished ticket, whether the ticket passed
 *   its checks the first time, whether the device came back within 30 days, and the follow-up rating
 *   on the main technician's row. Derived from the ledgers (refreshed whenever one of them changes
 *   for that ticket), so who opened the ticket never gets the credit, and a year of it is one index
 *   range;
 * - `repair_calls`: 叫修登记, phone requests logged before the device arrives, with the deadline to
 *   answer them, closed by the ticket they became or as cancelled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE tickets ADD COLUMN category_id TEXT`,
    sql`ALTER TABLE tickets ADD COLUMN brand TEXT NOT NULL DEFAULT ''`,
    sql`ALTER TABLE tickets ADD COLUMN model TEXT NOT NULL DEFAULT ''`,
    sql`ALTER TABLE tickets ADD COLUMN finished_at INTEGER`,
    sql`ALTER TABLE tickets ADD COLUMN prior_ticket_id TEXT`,
    sql`ALTER TABLE tickets ADD COLUMN prior_gap_days INTEGER`,
    sql`UPDATE tickets SET category_id = d.category_id, brand = d.brand, model = d.model
      FROM devices d WHERE d.id = tickets.device_id`,
    sql`UPDATE tickets SET finished_at = (
        SELECT min(e.at) FROM ticket_events e
        WHERE e.ticket_id = tickets.id AND e.to_status IN ('ready', 'returned_unrepaired', 'replaced'))`,
    sql`UPDATE tickets SET prior_ticket_id = (
        SELECT p.id FROM tickets p
        WHERE p.device_id = tickets.device_id AND p.received_at < tickets.received_at AND p.status != 'cancelled'
        ORDER BY p.received_at DESC LIMIT 1)`,
    sql`UPDATE tickets SET prior_gap_days = max(0, (tickets.received_at - coalesce(p.collected_at, p.received_at)) / 86400000)
      FROM tickets p WHERE p.id = tickets.prior_ticket_id`,
    sql`CREATE INDEX tickets_finished ON tickets
      (store_id, finished_at, received_at, collected_at, category_id, service_type) WHERE finished_at IS NOT NULL`,
    sql`CREATE INDEX tickets_received ON tickets (store_id, received_at, category_id, brand, model, prior_gap_days)`,
    sql`CREATE INDEX tickets_comebacks ON tickets (prior_ticket_id) WHERE prior_gap_days <= 30`,
    sql`CREATE TABLE work_credits (
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      technician_id TEXT NOT NULL REFERENCES staff (id),
      store_id TEXT NOT NULL,
      finished_at INTEGER NOT NULL,
      minutes INTEGER NOT NULL CHECK (minutes > 0),
      first_time_fix INTEGER NOT NULL CHECK (first_time_fix IN (0, 1)),
      came_back INTEGER NOT NULL CHECK (came_back IN (0, 1)),
      rating INTEGER CHECK (rating BETWEEN 1 AND 5),
      PRIMARY KEY (ticket_id, technician_id)
    ) STRICT, WITHOUT ROWID`,
    sql`INSERT INTO work_credits
        (ticket_id, technician_id, store_id, finished_at, minutes, first_time_fix, came_back, rating)
      SELECT l.ticket_id, l.technician_id, t.store_id, t.finished_at, sum(l.minutes),
        NOT EXISTS (SELECT 1 FROM repair_checks c WHERE c.ticket_id = l.ticket_id AND c.passed = 0),
        EXISTS (SELECT 1 FROM tickets b WHERE b.prior_ticket_id = l.ticket_id AND b.prior_gap_days <= 30),
        (SELECT c.satisfaction FROM follow_ups f JOIN follow_up_calls c ON c.follow_up_id = f.id
          WHERE f.ticket_id = l.ticket_id AND f.complaint_id IS NULL AND f.technician_id = l.technician_id
            AND c.satisfaction IS NOT NULL
          ORDER BY c.at DESC LIMIT 1)
      FROM labour_entries l JOIN tickets t ON t.id = l.ticket_id
      WHERE t.finished_at IS NOT NULL
      GROUP BY l.ticket_id, l.technician_id HAVING sum(l.minutes) > 0`,
    sql`CREATE INDEX work_credits_finished ON work_credits
      (store_id, finished_at, technician_id, minutes, first_time_fix, came_back, rating)`,
    sql`CREATE INDEX stock_movements_used ON stock_movements (store_id, at, part_id, quantity) WHERE kind = 'used'`,
    sql`CREATE INDEX follow_ups_due ON follow_ups (store_id, due_at)`,
    sql`CREATE INDEX complaints_created ON complaints (store_id, created_at)`,
    sql`CREATE TABLE repair_calls (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      customer_name TEXT NOT NULL CHECK (length(customer_name) > 0),
      customer_phone TEXT NOT NULL,
      category_id TEXT REFERENCES categories (id),
      brand TEXT NOT NULL DEFAULT '',
      model TEXT NOT NULL DEFAULT '',
      fault TEXT NOT NULL CHECK (length(fault) > 0),
      address TEXT NOT NULL DEFAULT '',
      called_at INTEGER NOT NULL,
      answer_due_at INTEGER NOT NULL,
      answered_at INTEGER,
      answer TEXT NOT NULL DEFAULT '',
      answered_by TEXT REFERENCES staff (id),
      ticket_id TEXT UNIQUE REFERENCES tickets (id),
      closed_at INTEGER,
      close_reason TEXT CHECK (close_reason IN ('converted', 'cancelled')),
      created_by TEXT NOT NULL REFERENCES staff (id),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      idempotency_key TEXT NOT NULL UNIQUE,
      CHECK ((closed_at IS NULL) = (close_reason IS NULL)),
      CHECK ((close_reason = 'converted') = (ticket_id IS NOT NULL)),
      CHECK (answered_at IS NULL OR length(answer) > 0)
    ) STRICT`,
    sql`CREATE INDEX repair_calls_open ON repair_calls (store_id, answer_due_at) WHERE closed_at IS NULL`,
    sql`CREATE INDEX repair_calls_called ON repair_calls (store_id, called_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
