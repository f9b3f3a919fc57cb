import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Indexes found missing at 1,000,000 tickets (`npm run bench`):
 * - custody_movements(device_id): updating a device checks its foreign keys; without this index
 *   every returning device scanned the whole custody ledger (~450 ms at 1M);
 * - the phone-tail index made covering, so "last 4 digits" never falls back to the primary key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX custody_movements_device ON custody_movements (device_id, seq)`.execute(db);
  await sql`DROP INDEX customer_phones_tail`.execute(db);
  await sql`CREATE INDEX customer_phones_tail ON customer_phones (store_id, tail, customer_id)`.execute(db);
}
