import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Headquarters' master data at the counter (issue 7):
 * - `sync_state` learns where the counter is in the change feed: the cursor (saved in the same
 *   transaction as the rows it covers), whether a full download is under way and its generation,
 *   and how many rows were left at the last page (the progress of a first download);
 * - `hq_master`: every master row headquarters has sent, as sent. It says which local rows are
 *   headquarters' (and so not edited here), and a full download marks what it saw with its
 *   generation, so rows headquarters no longer has are removed when it ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE sync_state ADD COLUMN feed_cursor INTEGER NOT NULL DEFAULT 0`,
    sql`ALTER TABLE sync_state ADD COLUMN feed_resyncing INTEGER NOT NULL DEFAULT 1
      CHECK (feed_resyncing IN (0, 1))`,
    sql`ALTER TABLE sync_state ADD COLUMN feed_generation INTEGER NOT NULL DEFAULT 1`,
    sql`ALTER TABLE sync_state ADD COLUMN feed_remaining INTEGER`,
    sql`ALTER TABLE sync_state ADD COLUMN last_pull_at INTEGER`,
    sql`CREATE TABLE hq_master (
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      generation INTEGER NOT NULL,
      PRIMARY KEY (entity, entity_id)
    ) STRICT, WITHOUT ROWID`,
  ];
  for (const statement of statements) await statement.execute(db);
}
