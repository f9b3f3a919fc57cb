import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Hand-back, the cash drawer and the daily close (issue 6):
 * - `payments` remembers what a cash customer handed over (the change is the difference) and which
 *   supervisor allowed a refund;
 * - `tickets` records when and how the claim receipt was voided (taken back, or lost and replaced by an
 *   identity check);
 * - `discounts`, `signatures`, `pickups`, `cash_movements` (the opening float, money paid in and out),
 *   `drawer_counts` (counts at close), `day_closes` (the numbered Z-reports) and `day_reopens` are
 *   append-only. A business day is locked while it has a close that no reopen names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const appendOnly = (table: string) => [
    sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
    sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
  ];
  const statements = [
    sql`ALTER TABLE payments ADD COLUMN tendered_fen INTEGER CHECK (tendered_fen >= amount_fen)`,
    sql`ALTER TABLE payments ADD COLUMN approved_by TEXT REFERENCES staff (id)`,
    sql`ALTER TABLE tickets ADD COLUMN claim_voided_at INTEGER`,
    sql`ALTER TABLE tickets ADD COLUMN claim_void_reason TEXT NOT NULL DEFAULT ''
      CHECK (claim_void_reason IN ('', 'returned', 'lost'))`,
    sql`CREATE TABLE discounts (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      business_date TEXT NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
      reason TEXT NOT NULL,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      approved_by TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE
    ) STRICT`,
    sql`CREATE INDEX discounts_ticket ON discounts (ticket_id)`,
    sql`CREATE INDEX discounts_day ON discounts (store_id, business_date)`,
    ...appendOnly('discounts'),
    sql`CREATE TABLE signatures (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      purpose TEXT NOT NULL CHECK (purpose IN ('pickup')),
      mime TEXT NOT NULL,
      data BLOB NOT NULL,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE INDEX signatures_ticket ON signatures (ticket_id)`,
    ...appendOnly('signatures'),
    sql`CREATE TABLE pickups (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets (id),
      business_date TEXT NOT NULL,
      receipt TEXT NOT NULL CHECK (receipt IN ('returned', 'lost')),
      signature_id TEXT NOT NULL REFERENCES signatures (id),
      charges_fen INTEGER NOT NULL,
      discounts_fen INTEGER NOT NULL,
      paid_fen INTEGER NOT NULL,
      bill TEXT NOT NULL,
      repair_warranty_until TEXT,
      warranty_until TEXT,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE
    ) STRICT`,
    sql`CREATE INDEX pickups_day ON pickups (store_id, business_date)`,
    ...appendOnly('pickups'),
    sql`CREATE TABLE cash_movements (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      business_date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('float', 'pay_in', 'pay_out')),
      amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
      counts TEXT NOT NULL DEFAULT '{}',
      note TEXT NOT NULL DEFAULT '',
      staff_id TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE
    ) STRICT`,
    sql`CREATE INDEX cash_movements_day ON cash_movements (store_id, business_date)`,
    // One opening float per day: a second count of it is refused by the database itself.
    sql`CREATE UNIQUE INDEX cash_movements_one_float ON cash_movements (store_id, business_date)
      WHERE kind = 'float'`,
    ...appendOnly('cash_movements'),
    sql`CREATE TABLE drawer_counts (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      business_date TEXT NOT NULL,
      counts TEXT NOT NULL,
      counted_fen INTEGER NOT NULL CHECK (counted_fen >= 0),
      expected_fen INTEGER NOT NULL,
      blind INTEGER NOT NULL CHECK (blind IN (0, 1)),
      staff_id TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE
    ) STRICT`,
    sql`CREATE INDEX drawer_counts_day ON drawer_counts (store_id, business_date, at)`,
    ...appendOnly('drawer_counts'),
    sql`CREATE TABLE day_closes (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      business_date TEXT NOT NULL,
      z_no INTEGER NOT NULL CHECK (z_no > 0),
      count_id TEXT NOT NULL REFERENCES drawer_counts (id),
      expected_fen INTEGER NOT NULL,
      counted_fen INTEGER NOT NULL,
      variance_fen INTEGER NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      report TEXT NOT NULL,
      closed_by TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      UNIQUE (store_id, z_no)
    ) STRICT`,
    sql`CREATE INDEX day_closes_day ON day_closes (store_id, business_date)`,
    ...appendOnly('day_closes'),
    sql`CREATE TABLE day_reopens (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      business_date TEXT NOT NULL,
      close_id TEXT NOT NULL UNIQUE REFERENCES day_closes (id),
      reason TEXT NOT NULL,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      approved_by TEXT NOT NULL REFERENCES staff (id),
      at INTEGER NOT NULL
    ) STRICT`,
    ...appendOnly('day_reopens'),
  ];
  for (const statement of statements) await statement.execute(db);
}
