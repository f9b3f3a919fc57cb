import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Spare parts:
 * - `parts`: the store's parts catalogue, with `on_hand`, the sum of the part's ledger, kept in the
 *   same transaction as every entry (and re-checked against the ledger by parts.check);
 * - `stock_movements`: the append-only stock ledger, numbered per store. The sign of each kind is
 *   fixed here, so no code path can write a receipt that takes stock away. `used` may be positive:
 *   a part taken for a repair and not fitted goes back as a reversing entry on the same ticket;
 * - `stock_requests`: the answer to each write request, so a retried request is not applied twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const appendOnly = (table: string) => [
    sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
    sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
  ];
  const statements = [
    sql`CREATE TABLE parts (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL REFERENCES stores (id),
      sku TEXT NOT NULL CHECK (length(sku) BETWEEN 1 AND 40 AND sku = upper(sku)),
      barcode TEXT NOT NULL DEFAULT '' CHECK (length(barcode) <= 40 AND barcode = upper(barcode)),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      compatible_models TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(compatible_models)),
      cost_fen INTEGER NOT NULL CHECK (cost_fen BETWEEN 0 AND 99999999),
      price_fen INTEGER NOT NULL CHECK (price_fen BETWEEN 0 AND 99999999),
      reorder_level INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
      supplier TEXT NOT NULL DEFAULT '',
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      on_hand INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`,
    sql`CREATE UNIQUE INDEX parts_sku ON parts (store_id, sku)`,
    sql`CREATE UNIQUE INDEX parts_barcode ON parts (store_id, barcode) WHERE barcode != ''`,
    // The stock list pages through parts in SKU order; the reorder list reads only the low ones.
    sql`CREATE INDEX parts_low ON parts (store_id, supplier) WHERE active = 1 AND on_hand <= reorder_level`,
    sql`CREATE TABLE stock_movements (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq > 0),
      part_id TEXT NOT NULL REFERENCES parts (id),
      kind TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      balance_after INTEGER NOT NULL,
      ticket_id TEXT REFERENCES tickets (id),
      vendor TEXT NOT NULL DEFAULT '',
      rma_no TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      staff_id TEXT NOT NULL REFERENCES staff (id),
      override_by TEXT REFERENCES staff (id),
      at INTEGER NOT NULL,
      UNIQUE (store_id, seq),
      CHECK (
        (kind = 'received' AND quantity > 0) OR
        (kind = 'used' AND quantity != 0 AND ticket_id IS NOT NULL) OR
        (kind = 'returned_to_vendor' AND quantity < 0 AND vendor != '' AND rma_no != '') OR
        (kind = 'adjusted' AND quantity != 0 AND reason != '') OR
        (kind = 'counted')
      )
    ) STRICT`,
    sql`CREATE INDEX stock_movements_part ON stock_movements (part_id, seq)`,
    sql`CREATE INDEX stock_movements_ticket ON stock_movements (ticket_id) WHERE ticket_id IS NOT NULL`,
    // Parts at vendors: only the entries that carry an RMA number.
    sql`CREATE INDEX stock_movements_rma ON stock_movements (store_id, rma_no, part_id) WHERE rma_no != ''`,
    ...appendOnly('stock_movements'),
    sql`CREATE TABLE stock_requests (
      request_id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL,
      method TEXT NOT NULL,
      answer TEXT NOT NULL CHECK (json_valid(answer)),
      at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID`,
  ];
  for (const statement of statements) await statement.execute(db);
}
