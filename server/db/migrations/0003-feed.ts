import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The master data feed (issue 7):
 * - `hq_master`: each master row as it now stands (a delete leaves a tombstone), at the feed position
 *   of its latest change; `store_id` null for every store, else for that store only (its staff);
 * - `hq_feed`: one row. `last_pos` is the counter every writing transaction advances (and so locks
 *   until it commits: positions are handed out in commit order, which a plain sequence does not
 *   promise); `floor_pos` is the newest tombstone purged, so a cursor behind it must start again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE hq_feed (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_pos BIGINT NOT NULL,
      floor_pos BIGINT NOT NULL
    )`,
    sql`INSERT INTO hq_feed (id, last_pos, floor_pos) VALUES (1, 0, 0)`,
    sql`CREATE TABLE hq_master (
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      store_id TEXT REFERENCES hq_stores (id),
      payload JSONB,
      deleted BOOLEAN NOT NULL,
      pos BIGINT NOT NULL UNIQUE,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (entity, entity_id),
      CHECK (deleted = (payload IS NULL))
    )`,
    sql`CREATE INDEX hq_master_tombstones ON hq_master (updated_at) WHERE deleted`,
  ];
  for (const statement of statements) await statement.execute(db);
}
