import { sql, type Kysely } from 'kysely';

/**
 * Frozen. What stores push (issue 7):
 * - `hq_positions`: per device and database instance (a restored backup is a new instance), the last
 *   outbox `seq` applied; a batch is applied under a lock on this row, so two copies of one request
 *   cannot both apply;
 * - `hq_received`: every row received, once per (device, instance, seq), with its payload hash, so a
 *   resend is recognised and a different payload for a known seq is refused;
 * - `hq_rows`: each store row as it now stands (the latest upsert, or a delete's tombstone);
 * - `hq_quarantine`: rows a store may not write (another store's, headquarters' master data), kept
 *   with the reason, never dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE hq_positions (
      device_id TEXT NOT NULL REFERENCES hq_devices (id),
      db_instance_id TEXT NOT NULL,
      last_seq BIGINT NOT NULL DEFAULT 0,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (device_id, db_instance_id)
    )`,
    sql`CREATE TABLE hq_received (
      device_id TEXT NOT NULL,
      db_instance_id TEXT NOT NULL,
      seq BIGINT NOT NULL,
      store_id TEXT NOT NULL REFERENCES hq_stores (id),
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      hash TEXT NOT NULL,
      quarantined BOOLEAN NOT NULL,
      received_at BIGINT NOT NULL,
      PRIMARY KEY (device_id, db_instance_id, seq),
      FOREIGN KEY (device_id, db_instance_id) REFERENCES hq_positions (device_id, db_instance_id)
    )`,
    sql`CREATE TABLE hq_rows (
      store_id TEXT NOT NULL REFERENCES hq_stores (id),
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      payload JSONB NOT NULL,
      hash TEXT NOT NULL,
      deleted BOOLEAN NOT NULL DEFAULT false,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (store_id, entity, entity_id)
    )`,
    sql`CREATE TABLE hq_quarantine (
      device_id TEXT NOT NULL,
      db_instance_id TEXT NOT NULL,
      seq BIGINT NOT NULL,
      store_id TEXT NOT NULL REFERENCES hq_stores (id),
      claimed_store_id TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      payload JSONB NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('other_store', 'master_data')),
      received_at BIGINT NOT NULL,
      PRIMARY KEY (device_id, db_instance_id, seq)
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}
