import type { Generated, Kysely, Transaction } from 'kysely';
import type { Language, Role } from '../../../shared/roles';

/** Kysely table types. Column names are the SQL ones; repositories map rows to domain objects. */

export type MetaTable = { key: string; value: string };

export type StoresTable = {
  id: string;
  code: string;
  name: string;
  address: string;
  phone: string;
  time_zone: string;
  currency: string;
  created_at: number;
  updated_at: number;
};

export type StaffTable = {
  id: string;
  store_id: string;
  name: string;
  role: Role;
  pin_hash: string;
  active: number;
  language: Language | null;
  created_at: number;
  updated_at: number;
};

/** Local-only PIN failure state, kept apart from `staff` so headquarters can own staff rows. */
export type StaffPinAttemptsTable = {
  staff_id: string;
  failed_count: number;
  locked_until: number | null;
};

export type SettingsTable = {
  key: string;
  value: string;
  updated_at: number;
  updated_by: string | null;
};

export type AuditLogTable = {
  id: string;
  store_id: string | null;
  at: number;
  staff_id: string | null;
  override_by: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
};

export type OutboxTable = {
  seq: Generated<number>;
  id: string;
  store_id: string;
  entity: string;
  entity_id: string;
  op: 'upsert' | 'delete';
  payload: string;
  created_at: number;
};

export type DB = {
  meta: MetaTable;
  stores: StoresTable;
  staff: StaffTable;
  staff_pin_attempts: StaffPinAttemptsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
};

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<DB> | Transaction<DB>;
