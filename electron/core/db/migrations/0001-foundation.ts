import { sql, type Kysely } from 'kysely';

/**
 * Frozen: never edit a migration that has shipped; add a new one.
 * The foundation: this store, staff, settings, the append-only audit log and the sync outbox.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT`,
    sql`CREATE TABLE stores (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 8),
      name TEXT NOT NULL CHECK (length(name) > 0),
      address TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      time_zone TEXT NOT NULL,
      currency TEXT NOT NULL CHECK (length(currency) = 3),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL REFERENCES stores (id),
      name TEXT NOT NULL CHECK (length(name) > 0),
      role TEXT NOT NULL CHECK (role IN ('clerk', 'technician', 'supervisor', 'admin')),
      pin_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      language TEXT CHECK (language IN ('zh-CN', 'en')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE INDEX staff_store_active ON staff (store_id, active)`,
    sql`CREATE TABLE staff_pin_attempts (
      staff_id TEXT PRIMARY KEY REFERENCES staff (id),
      failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
      locked_until INTEGER
    ) STRICT`,
    sql`CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at INTEGER NOT NULL,
      updated_by TEXT
    ) STRICT`,
    sql`CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      store_id TEXT,
      at INTEGER NOT NULL,
      staff_id TEXT,
      override_by TEXT,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
    ) STRICT`,
    sql`CREATE INDEX audit_log_at ON audit_log (at)`,
    sql`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`,
    sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    sql`CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      store_id TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      created_at INTEGER NOT NULL
    ) STRICT`,
  ];
  for (const statement of statements) await statement.execute(db);
}
