import type { Kysely, Transaction } from 'kysely';

/** Headquarters' tables (Kysely types). Moments are epoch milliseconds, as at the counter. */

export type HqStoresTable = {
  id: string;
  code: string;
  name: string;
  /** The store's id in its counter's database, which every row it pushes carries. */
  local_id: string | null;
  created_at: number;
};

export type HqDevicesTable = {
  id: string;
  store_id: string;
  name: string;
  /** SHA-256 of the device's secret: the secret is 256 random bits, so a plain hash is enough. */
  secret_hash: string;
  enrolled_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
};

export type HqEnrolmentCodesTable = {
  /** SHA-256 of the one-time code; the code itself is shown once, to the person enrolling. */
  code_hash: string;
  store_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  device_id: string | null;
};

export type HqPositionsTable = {
  device_id: string;
  db_instance_id: string;
  last_seq: number;
  updated_at: number;
};

export type HqReceivedTable = {
  device_id: string;
  db_instance_id: string;
  seq: number;
  store_id: string;
  entity: string;
  entity_id: string;
  op: 'upsert' | 'delete';
  hash: string;
  quarantined: boolean;
  received_at: number;
};

export type HqRowsTable = {
  store_id: string;
  entity: string;
  entity_id: string;
  /** JSONB: written as JSON text, read back as an object. */
  payload: unknown;
  hash: string;
  deleted: boolean;
  updated_at: number;
};

export type HqQuarantineTable = {
  device_id: string;
  db_instance_id: string;
  seq: number;
  store_id: string;
  claimed_store_id: string;
  entity: string;
  entity_id: string;
  payload: unknown;
  reason: 'other_store' | 'master_data';
  received_at: number;
};

export type HqFeedTable = { id: number; last_pos: number; floor_pos: number };

export type HqMasterTable = {
  entity: string;
  entity_id: string;
  /** Null: published to every store. */
  store_id: string | null;
  /** JSONB; null for a tombstone. */
  payload: unknown;
  deleted: boolean;
  pos: number;
  updated_at: number;
};

export type HqDb = {
  hq_stores: HqStoresTable;
  hq_devices: HqDevicesTable;
  hq_enrolment_codes: HqEnrolmentCodesTable;
  hq_positions: HqPositionsTable;
  hq_received: HqReceivedTable;
  hq_rows: HqRowsTable;
  hq_quarantine: HqQuarantineTable;
  hq_feed: HqFeedTable;
  hq_master: HqMasterTable;
};

export type HqDatabase = Kysely<HqDb>;
export type HqTx = Transaction<HqDb>;
