import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Stores, their enrolled devices (counter PCs) and one-time enrolment codes. Moments are
 * bigint epoch milliseconds; PostgreSQL returns them as strings, so the code reads them through
 * `Number` where it compares them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE hq_stores (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9]{1,7}$'),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      -- The store's own id at the counter (its rows carry it): bound when its first counter enrols.
      local_id TEXT UNIQUE,
      created_at BIGINT NOT NULL
    )`,
    sql`CREATE TABLE hq_devices (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL REFERENCES hq_stores (id),
      name TEXT NOT NULL,
      secret_hash TEXT NOT NULL UNIQUE,
      enrolled_at BIGINT NOT NULL,
      revoked_at BIGINT,
      last_seen_at BIGINT
    )`,
    sql`CREATE INDEX hq_devices_store ON hq_devices (store_id)`,
    sql`CREATE TABLE hq_enrolment_codes (
      code_hash TEXT PRIMARY KEY,
      store_id TEXT NOT NULL REFERENCES hq_stores (id),
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      used_at BIGINT,
      device_id TEXT REFERENCES hq_devices (id)
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}
