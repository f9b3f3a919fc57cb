import type { CustodyPlace } from '../../../shared/custody';

/** Kysely types of the goods tables (migration 0004). */

export type CustodyStateTable = {
  ticket_id: string;
  store_id: string;
  device_id: string;
  place: CustodyPlace;
  location: string;
  kind: string;
  entry_id: string;
  since: number;
  details: string;
  received_at: number;
};

export type ShelfCountsTable = {
  id: string;
  store_id: string;
  started_at: number;
  started_by: string;
  finished_at: number | null;
  finished_by: string | null;
  expected: number | null;
  found: number | null;
  missing: number | null;
  unexpected: number | null;
};

export type ShelfCountScansTable = { count_id: string; ticket_id: string; at: number; staff_id: string };

export type ShelfCountResultsTable = {
  count_id: string;
  ticket_id: string;
  outcome: 'found' | 'missing' | 'unexpected';
  place: string;
  location: string;
};
