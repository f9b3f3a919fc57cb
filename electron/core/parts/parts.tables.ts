import type { MovementKind } from '../../../shared/parts';

/** Kysely types of the parts tables (migration 0005), joined into `DB` in db/schema.ts. */

export type PartsTable = {
  id: string;
  store_id: string;
  sku: string;
  barcode: string;
  name: string;
  /** JSON array of model names. */
  compatible_models: string;
  cost_fen: number;
  price_fen: number;
  reorder_level: number;
  supplier: string;
  active: number;
  /** The sum of the part's ledger, kept in the same transaction as each entry. */
  on_hand: number;
  created_at: number;
  updated_at: number;
};

export type StockMovementsTable = {
  id: string;
  store_id: string;
  seq: number;
  part_id: string;
  kind: MovementKind;
  /** Signed: what the entry added to the stock (negative when it took some away). */
  quantity: number;
  balance_after: number;
  ticket_id: string | null;
  vendor: string;
  rma_no: string;
  reason: string;
  staff_id: string;
  override_by: string | null;
  at: number;
};

export type StockRequestsTable = {
  request_id: string;
  store_id: string;
  method: string;
  /** The JSON answer the request first got, returned again to a retry. */
  answer: string;
  at: number;
};
