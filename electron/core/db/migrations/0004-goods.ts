import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Goods in and out:
 * - custody entries gain `details` (vendor, RMA number, other store, notice date) and `reverses`
 *   (the entry a reversing entry undoes); both are covered by the entry's hash when present;
 * - `custody_state`: where each ticket's device is now, the fold of its ledger entries, kept in the
 *   same transaction as every entry (and checked against the ledger by the verifier);
 * - shelf counts: what was scanned, and the kept result (found, missing, unexpected).
 * Before this migration the only entries were `received`, so every existing device is on the
 * premises where its last entry put it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE custody_movements ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))`,
    sql`ALTER TABLE custody_movements ADD COLUMN reverses TEXT`,
    // The register reads a date range of the ledger.
    sql`CREATE INDEX custody_movements_at ON custody_movements (store_id, at)`,
    sql`CREATE TABLE custody_state (
      ticket_id TEXT PRIMARY KEY REFERENCES tickets (id),
      store_id TEXT NOT NULL,
      device_id TEXT NOT NULL REFERENCES devices (id),
      place TEXT NOT NULL CHECK (place IN ('on_premises', 'at_vendor', 'at_other_store', 'with_customer', 'disposed')),
      location TEXT NOT NULL,
      kind TEXT NOT NULL,
      entry_id TEXT NOT NULL,
      since INTEGER NOT NULL,
      details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
      -- When the device came in (its first entry): the storage period counts from here.
      received_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID`,
    // What is on the premises (or at a vendor) by location, oldest first; the devices handed back
    // years ago are never walked.
    sql`CREATE INDEX custody_state_place ON custody_state (store_id, place, location, since)`,
    // Devices held past the storage period, found without walking all that are here.
    sql`CREATE INDEX custody_state_held ON custody_state (store_id, place, received_at)`,
    sql`INSERT INTO custody_state (ticket_id, store_id, device_id, place, location, kind, entry_id, since, received_at)
      SELECT m.ticket_id, m.store_id, m.device_id, 'on_premises', m.location, m.kind, m.id, m.at, m.at
      FROM custody_movements m
      WHERE m.seq = (SELECT max(seq) FROM custody_movements l WHERE l.ticket_id = m.ticket_id)`,
    sql`CREATE TABLE shelf_counts (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      started_by TEXT NOT NULL REFERENCES staff (id),
      finished_at INTEGER,
      finished_by TEXT REFERENCES staff (id),
      expected INTEGER,
      found INTEGER,
      missing INTEGER,
      unexpected INTEGER
    ) STRICT`,
    // One open count per store at a time.
    sql`CREATE UNIQUE INDEX shelf_counts_open ON shelf_counts (store_id) WHERE finished_at IS NULL`,
    sql`CREATE INDEX shelf_counts_finished ON shelf_counts (store_id, finished_at)`,
    sql`CREATE TABLE shelf_count_scans (
      count_id TEXT NOT NULL REFERENCES shelf_counts (id),
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      at INTEGER NOT NULL,
      staff_id TEXT NOT NULL,
      PRIMARY KEY (count_id, ticket_id)
    ) STRICT, WITHOUT ROWID`,
    sql`CREATE TABLE shelf_count_results (
      count_id TEXT NOT NULL REFERENCES shelf_counts (id),
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      outcome TEXT NOT NULL CHECK (outcome IN ('found', 'missing', 'unexpected')),
      place TEXT NOT NULL,
      location TEXT NOT NULL,
      PRIMARY KEY (count_id, ticket_id)
    ) STRICT, WITHOUT ROWID`,
    sql.raw(`CREATE TRIGGER shelf_count_results_no_update BEFORE UPDATE ON shelf_count_results
      BEGIN SELECT RAISE(ABORT, 'shelf_count_results is append-only'); END`),
    sql.raw(`CREATE TRIGGER shelf_count_results_no_delete BEFORE DELETE ON shelf_count_results
      BEGIN SELECT RAISE(ABORT, 'shelf_count_results is append-only'); END`),
  ];
  for (const statement of statements) await statement.execute(db);
}
