import { sql, type Kysely } from 'kysely';

/**
 * Frozen. After-sales quality (issue 8):
 * - `follow_ups`: a call due after a hand-back (a share of ordinary repairs, every 三包 replacement or
 *   refund) or after a complaint is resolved, to a deadline; closed once the customer was reached;
 * - `follow_up_calls`: every attempt, append-only: reached or not, satisfaction 1-5, a comment;
 * - `complaints`: logged from a call, the counter or a follow-up, with or without a ticket; an owner,
 *   deadlines to reply and to resolve, the reply, the resolution and the customer's acceptance;
 * - `complaint_events`: what happened to a complaint and who did it, append-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const appendOnly = (table: string) => [
    sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
    sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
  ];
  const statements = [
    sql`CREATE TABLE complaints (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT REFERENCES tickets (id),
      source TEXT NOT NULL CHECK (source IN ('call', 'counter', 'follow_up')),
      severity TEXT NOT NULL CHECK (severity IN ('low', 'normal', 'high')),
      customer_name TEXT NOT NULL CHECK (length(customer_name) > 0),
      customer_phone TEXT NOT NULL,
      summary TEXT NOT NULL CHECK (length(summary) > 0),
      owner_id TEXT REFERENCES staff (id),
      reply_due_at INTEGER NOT NULL,
      resolve_due_at INTEGER NOT NULL,
      replied_at INTEGER,
      reply TEXT NOT NULL DEFAULT '',
      resolved_at INTEGER,
      resolution TEXT NOT NULL DEFAULT '',
      acceptance TEXT CHECK (acceptance IN ('accepted', 'not_accepted')),
      created_by TEXT NOT NULL REFERENCES staff (id),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      idempotency_key TEXT NOT NULL UNIQUE,
      CHECK (resolved_at IS NULL OR replied_at IS NOT NULL),
      CHECK (acceptance IS NULL OR resolved_at IS NOT NULL)
    ) STRICT`,
    sql`CREATE INDEX complaints_open ON complaints (store_id, resolve_due_at) WHERE resolved_at IS NULL`,
    sql`CREATE INDEX complaints_ticket ON complaints (ticket_id) WHERE ticket_id IS NOT NULL`,
    sql`CREATE TABLE complaint_events (
      id TEXT PRIMARY KEY,
      complaint_id TEXT NOT NULL REFERENCES complaints (id),
      kind TEXT NOT NULL CHECK (kind IN ('logged', 'assigned', 'replied', 'resolved', 'accepted', 'not_accepted')),
      note TEXT NOT NULL DEFAULT '',
      staff_id TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, at)`,
    ...appendOnly('complaint_events'),
    sql`CREATE TABLE follow_ups (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT REFERENCES tickets (id),
      complaint_id TEXT REFERENCES complaints (id),
      reason TEXT NOT NULL CHECK (reason IN ('sampled', 'warranty', 'complaint')),
      technician_id TEXT REFERENCES staff (id),
      due_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      closed_at INTEGER,
      CHECK ((reason = 'complaint') = (complaint_id IS NOT NULL)),
      CHECK (ticket_id IS NOT NULL OR complaint_id IS NOT NULL)
    ) STRICT`,
    sql`CREATE UNIQUE INDEX follow_ups_once ON follow_ups (ticket_id, reason) WHERE complaint_id IS NULL`,
    sql`CREATE UNIQUE INDEX follow_ups_complaint ON follow_ups (complaint_id) WHERE complaint_id IS NOT NULL`,
    sql`CREATE INDEX follow_ups_open ON follow_ups (store_id, due_at) WHERE closed_at IS NULL`,
    sql`CREATE TABLE follow_up_calls (
      id TEXT PRIMARY KEY,
      follow_up_id TEXT NOT NULL REFERENCES follow_ups (id),
      reached INTEGER NOT NULL CHECK (reached IN (0, 1)),
      satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
      comment TEXT NOT NULL DEFAULT '',
      staff_id TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      CHECK (reached = 1 OR satisfaction IS NULL)
    ) STRICT`,
    sql`CREATE INDEX follow_up_calls_follow_up ON follow_up_calls (follow_up_id, at)`,
    ...appendOnly('follow_up_calls'),
  ];
  for (const statement of statements) await statement.execute(db);
}
