import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Repair intake: the catalogue (categories, warranty policies, device models), customers and
 * their phones, devices, tickets with their daily numbers, photos, and the first rows of three
 * append-only ledgers that later features extend: ticket events, custody movements (hash-chained per
 * store) and payments (idempotent). Search: exact indexes for ticket number, phone, phone tail and
 * serial; FTS5 trigram for names of 3+ characters and a bigram table for 2-character names (a
 * trigram index cannot find 王伟).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const appendOnly = (table: string) => [
    sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
    sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
  ];
  const statements = [
    sql`CREATE TABLE warranty_policies (
      id TEXT PRIMARY KEY,
      policy TEXT NOT NULL CHECK (json_valid(policy)),
      updated_at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE TABLE categories (
      id TEXT PRIMARY KEY,
      name_zh TEXT NOT NULL,
      name_en TEXT NOT NULL,
      warranty_policy_id TEXT NOT NULL REFERENCES warranty_policies (id),
      required_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(required_fields)),
      checklist TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(checklist)),
      accessories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(accessories)),
      fault_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fault_codes)),
      warranty_parts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warranty_parts)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      sort INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE TABLE device_models (
      category_id TEXT NOT NULL REFERENCES categories (id),
      brand TEXT NOT NULL COLLATE NOCASE,
      model TEXT NOT NULL COLLATE NOCASE,
      uses INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (category_id, brand, model)
    ) STRICT, WITHOUT ROWID`,
    sql`CREATE TABLE customers (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL REFERENCES stores (id),
      name TEXT NOT NULL CHECK (length(name) > 0),
      address TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE TABLE customer_phones (
      store_id TEXT NOT NULL,
      phone TEXT NOT NULL CHECK (length(phone) BETWEEN 3 AND 20),
      customer_id TEXT NOT NULL REFERENCES customers (id),
      tail TEXT NOT NULL GENERATED ALWAYS AS (substr(phone, -4)) STORED,
      PRIMARY KEY (store_id, phone)
    ) STRICT, WITHOUT ROWID`,
    sql`CREATE INDEX customer_phones_tail ON customer_phones (store_id, tail)`,
    sql`CREATE INDEX customer_phones_customer ON customer_phones (customer_id)`,
    sql`CREATE VIRTUAL TABLE customer_names USING fts5 (
      name, content = '', contentless_delete = 1, tokenize = 'trigram'
    )`,
    sql`CREATE TABLE customer_name_bigrams (
      bigram TEXT NOT NULL,
      customer_rowid INTEGER NOT NULL,
      PRIMARY KEY (bigram, customer_rowid)
    ) STRICT, WITHOUT ROWID`,
    sql`CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL REFERENCES stores (id),
      customer_id TEXT NOT NULL REFERENCES customers (id),
      category_id TEXT NOT NULL REFERENCES categories (id),
      brand TEXT NOT NULL DEFAULT '',
      model TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
      colour TEXT NOT NULL DEFAULT '',
      serial TEXT COLLATE NOCASE,
      purchase_date TEXT,
      invoice_no TEXT NOT NULL DEFAULT '',
      seller TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE UNIQUE INDEX devices_serial ON devices (store_id, serial) WHERE serial IS NOT NULL`,
    sql`CREATE INDEX devices_customer ON devices (customer_id)`,
    sql`CREATE INDEX devices_model ON devices (model)`,
    sql`CREATE TABLE ticket_sequences (
      store_id TEXT NOT NULL,
      business_date TEXT NOT NULL,
      last_seq INTEGER NOT NULL CHECK (last_seq > 0),
      PRIMARY KEY (store_id, business_date)
    ) STRICT, WITHOUT ROWID`,
    sql`CREATE TABLE tickets (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL REFERENCES stores (id),
      ticket_no TEXT NOT NULL UNIQUE,
      business_date TEXT NOT NULL,
      customer_id TEXT NOT NULL REFERENCES customers (id),
      device_id TEXT NOT NULL REFERENCES devices (id),
      status TEXT NOT NULL,
      service_type TEXT NOT NULL CHECK (service_type IN ('A', 'B', 'C', 'D')),
      priority TEXT NOT NULL CHECK (priority IN ('normal', 'urgent')),
      reported_fault TEXT NOT NULL,
      fault_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fault_codes)),
      condition TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(condition)),
      condition_note TEXT NOT NULL DEFAULT '',
      accessories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(accessories)),
      accessories_note TEXT NOT NULL DEFAULT '',
      passcode TEXT NOT NULL DEFAULT '',
      warranty_part TEXT NOT NULL DEFAULT '',
      user_damage INTEGER NOT NULL DEFAULT 0 CHECK (user_damage IN (0, 1)),
      warranty TEXT NOT NULL CHECK (json_valid(warranty)),
      service_type_reason TEXT NOT NULL DEFAULT '',
      estimate_fen INTEGER NOT NULL CHECK (estimate_fen >= 0),
      diagnosis_fee_fen INTEGER NOT NULL CHECK (diagnosis_fee_fen >= 0),
      cost_limit_fen INTEGER CHECK (cost_limit_fen >= 0),
      promised_date TEXT NOT NULL,
      shelf_location TEXT NOT NULL DEFAULT '',
      re_repair_of TEXT REFERENCES tickets (id),
      received_by TEXT NOT NULL REFERENCES staff (id),
      received_at INTEGER NOT NULL,
      collected_at INTEGER,
      updated_at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE INDEX tickets_day ON tickets (store_id, business_date)`,
    sql`CREATE INDEX tickets_customer ON tickets (customer_id)`,
    sql`CREATE INDEX tickets_device ON tickets (device_id, received_at)`,
    sql`CREATE INDEX tickets_status ON tickets (status, promised_date)`,
    sql`CREATE TABLE ticket_photos (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
      data BLOB NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE INDEX ticket_photos_ticket ON ticket_photos (ticket_id)`,
    sql`CREATE TABLE ticket_events (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      at INTEGER NOT NULL,
      staff_id TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    sql`CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at)`,
    ...appendOnly('ticket_events'),
    sql`CREATE TABLE custody_movements (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq > 0),
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      device_id TEXT NOT NULL REFERENCES devices (id),
      kind TEXT NOT NULL,
      location TEXT NOT NULL DEFAULT '',
      staff_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (store_id, seq)
    ) STRICT`,
    sql`CREATE INDEX custody_movements_ticket ON custody_movements (ticket_id, seq)`,
    ...appendOnly('custody_movements'),
    sql`CREATE TABLE payments (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      business_date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('deposit', 'payment', 'refund')),
      method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'wechat', 'alipay', 'other')),
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
      staff_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    sql`CREATE INDEX payments_ticket ON payments (ticket_id)`,
    sql`CREATE INDEX payments_day ON payments (store_id, business_date)`,
    ...appendOnly('payments'),
    sql`CREATE TABLE print_log (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      document TEXT NOT NULL,
      copy_no INTEGER NOT NULL CHECK (copy_no >= 0),
      staff_id TEXT NOT NULL,
      at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE INDEX print_log_ticket ON print_log (ticket_id, document)`,
    ...appendOnly('print_log'),
    sql`CREATE TABLE intake_requests (
      idempotency_key TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL REFERENCES tickets (id)
    ) STRICT, WITHOUT ROWID`,
  ];
  for (const statement of statements) await statement.execute(db);
}
