import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The counter's link to headquarters (issue 7): one row once enrolled, with the server's
 * address, the device credential (the secret protected by the host: Electron's safeStorage in the
 * app) and how the last push went. The outbox itself is from 0001.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    server_url TEXT NOT NULL,
    device_id TEXT NOT NULL,
    secret TEXT NOT NULL,
    store_code TEXT NOT NULL,
    enrolled_at INTEGER NOT NULL,
    last_attempt_at INTEGER,
    last_success_at INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    last_error_at INTEGER
  ) STRICT`.execute(db);
}
