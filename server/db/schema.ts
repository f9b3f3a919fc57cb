import type { Kysely, Transaction } from 'kysely';

/** Headquarters' tables (Kysely types). Moments are epoch milliseconds, as at the counter. */

export type HqStoresTable = {
  id: string;
  code: string;
  name: string;
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

export type HqDb = {
  hq_stores: HqStoresTable;
  hq_devices: HqDevicesTable;
  hq_enrolment_codes: HqEnrolmentCodesTable;
};

export type HqDatabase = Kysely<HqDb>;
export type HqTx = Transaction<HqDb>;
