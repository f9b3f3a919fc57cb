import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The repair workflow (issue 5):
 * - `tickets` gains an optimistic `version` (every change bumps it; a stale one is refused), the
 *   assigned technician, when it entered its status and when anything last happened to it (the board's
 *   "days in stage" and "stalled"), the diagnosis, what the customer approved, the supervisor's check,
 *   the 三包 outcome and how it is charged. Added columns have constant defaults, so adding them does
 *   not rewrite the table; only open tickets get their times filled in;
 * - `ticket_events` says what act each row records (`action`) and carries its extras (`details`);
 * - labour, parts fitted, approvals and checks are append-only records of the repair card;
 * - `labour_timers` holds the running start/stop timers (working state, not a record);
 * - `notifications` logs every contact attempt and queues the ones a webhook sends, with retries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const appendOnly = (table: string) => [
    sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
    sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
  ];
  const statements = [
    sql`ALTER TABLE tickets ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
    sql`ALTER TABLE tickets ADD COLUMN assigned_to TEXT REFERENCES staff (id)`,
    sql`ALTER TABLE tickets ADD COLUMN status_at INTEGER`,
    sql`ALTER TABLE tickets ADD COLUMN activity_at INTEGER`,
    sql`ALTER TABLE tickets ADD COLUMN diagnosis TEXT NOT NULL DEFAULT ''`,
    sql`ALTER TABLE tickets ADD COLUMN cause TEXT NOT NULL DEFAULT ''`,
    sql`ALTER TABLE tickets ADD COLUMN action_taken TEXT NOT NULL DEFAULT ''`,
    sql`ALTER TABLE tickets ADD COLUMN diagnosed_by TEXT REFERENCES staff (id)`,
    sql`ALTER TABLE tickets ADD COLUMN approved_fen INTEGER CHECK (approved_fen >= 0)`,
    sql`ALTER TABLE tickets ADD COLUMN checked_by TEXT REFERENCES staff (id)`,
    sql`ALTER TABLE tickets ADD COLUMN checked_at INTEGER`,
    sql`ALTER TABLE tickets ADD COLUMN charge_basis TEXT NOT NULL DEFAULT 'estimate'
      CHECK (charge_basis IN ('estimate', 'diagnosis_fee', 'free'))`,
    sql`ALTER TABLE tickets ADD COLUMN outcome TEXT
      CHECK (outcome IN ('repair', 'replace', 'refund', 'rejected'))`,
    sql`ALTER TABLE tickets ADD COLUMN outcome_reason TEXT NOT NULL DEFAULT ''`,
    sql`ALTER TABLE tickets ADD COLUMN outcome_at INTEGER`,
    sql`ALTER TABLE tickets ADD COLUMN replacement_serial TEXT NOT NULL DEFAULT ''`,
    sql`UPDATE tickets SET status_at = updated_at, activity_at = updated_at
      WHERE status NOT IN ('collected', 'refunded', 'abandoned', 'cancelled')`,
    // My jobs: a technician's open tickets, urgent first ('urgent' sorts after 'normal', hence DESC),
    // then by due date. Unassigned work is the NULL key of the same index.
    sql`CREATE INDEX tickets_assignee ON tickets (assigned_to, status, priority DESC, promised_date)`,
    // The board per status in the order work is taken: a page is read from the index alone.
    sql`CREATE INDEX tickets_board ON tickets (status, priority DESC, promised_date)`,
    // Stalled: per open status, the tickets nothing has happened to since a cut-off.
    sql`CREATE INDEX tickets_activity ON tickets (status, activity_at)`,
    sql`ALTER TABLE ticket_events ADD COLUMN action TEXT NOT NULL DEFAULT 'move'`,
    sql`ALTER TABLE ticket_events ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))`,
    sql`CREATE TABLE labour_entries (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      technician_id TEXT NOT NULL REFERENCES staff (id),
      minutes INTEGER NOT NULL CHECK (minutes BETWEEN -6000 AND 6000 AND minutes != 0),
      started_at INTEGER,
      ended_at INTEGER,
      source TEXT NOT NULL CHECK (source IN ('timer', 'manual', 'reversal')),
      reverses TEXT REFERENCES labour_entries (id),
      note TEXT NOT NULL DEFAULT '',
      recorded_by TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      CHECK (
        (source = 'reversal' AND reverses IS NOT NULL AND minutes < 0) OR
        (source != 'reversal' AND reverses IS NULL AND minutes > 0)
      )
    ) STRICT`,
    sql`CREATE INDEX labour_entries_ticket ON labour_entries (ticket_id, at)`,
    sql`CREATE INDEX labour_entries_technician ON labour_entries (technician_id, at)`,
    sql`CREATE UNIQUE INDEX labour_entries_reversed ON labour_entries (reverses) WHERE reverses IS NOT NULL`,
    ...appendOnly('labour_entries'),
    sql`CREATE TABLE labour_timers (
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      technician_id TEXT NOT NULL REFERENCES staff (id),
      started_at INTEGER NOT NULL,
      PRIMARY KEY (ticket_id, technician_id)
    ) STRICT, WITHOUT ROWID`,
    sql`CREATE TABLE repair_parts (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      movement_id TEXT NOT NULL UNIQUE REFERENCES stock_movements (id),
      old_part TEXT NOT NULL CHECK (old_part IN ('returned', 'kept', 'none')),
      price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
      at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE INDEX repair_parts_ticket ON repair_parts (ticket_id)`,
    ...appendOnly('repair_parts'),
    sql`CREATE TABLE approvals (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'declined')),
      method TEXT NOT NULL CHECK (method IN ('in_person', 'phone', 'message')),
      given_by TEXT NOT NULL CHECK (length(given_by) BETWEEN 1 AND 60),
      amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
      recorded_by TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    sql`CREATE INDEX approvals_ticket ON approvals (ticket_id, at)`,
    ...appendOnly('approvals'),
    sql`CREATE TABLE repair_checks (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      kind TEXT NOT NULL CHECK (kind IN ('qc', 'supervisor')),
      passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
      staff_id TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    sql`CREATE INDEX repair_checks_ticket ON repair_checks (ticket_id, at)`,
    ...appendOnly('repair_checks'),
    sql`CREATE TABLE notifications (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      ticket_status TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'wechat', 'in_person', 'webhook')),
      language TEXT NOT NULL,
      recipient TEXT NOT NULL,
      body TEXT NOT NULL CHECK (length(body) <= 1000),
      note TEXT NOT NULL DEFAULT '',
      result TEXT NOT NULL
        CHECK (result IN ('reached', 'no_answer', 'left_message', 'queued', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER,
      last_error TEXT NOT NULL DEFAULT '',
      staff_id TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      sent_at INTEGER,
      -- A double click sends once; a failed message is sent again at most once (by a new row).
      request_id TEXT UNIQUE,
      retry_of TEXT UNIQUE REFERENCES notifications (id)
    ) STRICT`,
    sql`CREATE INDEX notifications_ticket ON notifications (ticket_id, at)`,
    sql`CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE result = 'queued'`,
  ];
  for (const statement of statements) await statement.execute(db);
}
