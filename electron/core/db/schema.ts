import type { Generated, Kysely, Transaction } from 'kysely';
import type { Language, Role } from '../../../shared/roles';
import type { PartsTable, StockMovementsTable, StockRequestsTable } from '../parts/parts.tables';
import type {
  ApprovalsTable,
  LabourEntriesTable,
  LabourTimersTable,
  NotificationsTable,
  RepairChecksTable,
  RepairPartsTable,
} from '../repair/repair.tables';
import type { MoneyTables } from '../payments/money.tables';
import type { QualityTables } from '../quality/quality.tables';
import type {
  CustodyStateTable,
  ShelfCountResultsTable,
  ShelfCountScansTable,
  ShelfCountsTable,
} from './schema-goods';

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

export type WarrantyPoliciesTable = { id: string; policy: string; updated_at: number };

export type CategoriesTable = {
  id: string;
  name_zh: string;
  name_en: string;
  warranty_policy_id: string;
  required_fields: string;
  checklist: string;
  accessories: string;
  fault_codes: string;
  warranty_parts: string;
  active: number;
  sort: number;
  updated_at: number;
};

export type DeviceModelsTable = { category_id: string; brand: string; model: string; uses: number };

export type CustomersTable = {
  id: string;
  store_id: string;
  name: string;
  address: string;
  notes: string;
  created_at: number;
  updated_at: number;
};

export type CustomerPhonesTable = {
  store_id: string;
  phone: string;
  customer_id: string;
  tail: Generated<string>;
};

export type DevicesTable = {
  id: string;
  store_id: string;
  customer_id: string;
  category_id: string;
  brand: string;
  model: string;
  colour: string;
  serial: string | null;
  purchase_date: string | null;
  invoice_no: string;
  seller: string;
  created_at: number;
  updated_at: number;
};

export type TicketsTable = {
  id: string;
  store_id: string;
  ticket_no: string;
  business_date: string;
  customer_id: string;
  device_id: string;
  status: string;
  service_type: 'A' | 'B' | 'C' | 'D';
  priority: 'normal' | 'urgent';
  reported_fault: string;
  fault_codes: string;
  condition: string;
  condition_note: string;
  accessories: string;
  accessories_note: string;
  passcode: string;
  warranty_part: string;
  user_damage: number;
  warranty: string;
  service_type_reason: string;
  estimate_fen: number;
  diagnosis_fee_fen: number;
  cost_limit_fen: number | null;
  promised_date: string;
  shelf_location: string;
  re_repair_of: string | null;
  received_by: string;
  received_at: number;
  collected_at: number | null;
  updated_at: number;
  /** Bumped by every change; a write naming an older version is refused (optimistic locking). */
  version: number;
  assigned_to: string | null;
  /** When the ticket entered its status, and when anything last happened to it (null once closed). */
  status_at: number | null;
  activity_at: number | null;
  diagnosis: string;
  cause: string;
  action_taken: string;
  diagnosed_by: string | null;
  /** The amount the customer approved, when the estimate went over their cost limit. */
  approved_fen: number | null;
  checked_by: string | null;
  checked_at: number | null;
  charge_basis: 'estimate' | 'diagnosis_fee' | 'free';
  outcome: 'repair' | 'replace' | 'refund' | 'rejected' | null;
  outcome_reason: string;
  outcome_at: number | null;
  replacement_serial: string;
  /** When the claim receipt was taken back at hand-back, or declared lost (migration 0007). */
  claim_voided_at: number | null;
  claim_void_reason: '' | 'returned' | 'lost';
  /** The product as received (migration 0011): the reports group by it without a join. */
  category_id: string | null;
  brand: string;
  model: string;
  /** When the work first finished: ready, returned unrepaired or replaced. */
  finished_at: number | null;
  /** The device's previous ticket, and the days from its hand-back (or receipt) to this receipt. */
  prior_ticket_id: string | null;
  prior_gap_days: number | null;
};

export type TicketPhotosTable = {
  id: string;
  ticket_id: string;
  mime: string;
  data: Buffer;
  created_at: number;
};

export type TicketEventsTable = {
  id: string;
  ticket_id: string;
  at: number;
  staff_id: string;
  from_status: string | null;
  to_status: string;
  note: string;
  /** The act the row records (`move`, `assign`, `diagnose`, ...); statuses equal when it moved none. */
  action: string;
  details: string;
};

export type CustodyMovementsTable = {
  id: string;
  store_id: string;
  seq: number;
  ticket_id: string;
  device_id: string;
  kind: string;
  location: string;
  staff_id: string;
  at: number;
  note: string;
  prev_hash: string;
  hash: string;
  /** JSON of MovementDetails; `{}` when the movement carries none. */
  details: string;
  /** The entry a reversing entry undoes. */
  reverses: string | null;
};

export type PaymentsTable = {
  id: string;
  store_id: string;
  ticket_id: string;
  business_date: string;
  kind: 'deposit' | 'payment' | 'refund';
  method: 'cash' | 'card' | 'wechat' | 'alipay' | 'other';
  amount_fen: number;
  staff_id: string;
  at: number;
  idempotency_key: string;
  note: string;
  /** Cash only: what the customer handed over; the change is the difference (migration 0007). */
  tendered_fen: number | null;
  /** Refunds: the supervisor who allowed it. */
  approved_by: string | null;
};

export type PrintLogTable = {
  id: string;
  ticket_id: string;
  document: string;
  copy_no: number;
  staff_id: string;
  at: number;
};

export type SyncStateTable = {
  id: 1;
  server_url: string;
  device_id: string;
  /** As the host protected it (`Platform.protectSecret`); `plain:` where the host cannot. */
  secret: string;
  store_code: string;
  enrolled_at: number;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error: string;
  last_error_at: number | null;
  /** The last feed position applied, saved with the rows it covers. */
  feed_cursor: number;
  /** 1 while a full download runs: rows it does not see are gone at headquarters. */
  feed_resyncing: 0 | 1;
  feed_generation: number;
  feed_remaining: number | null;
  last_pull_at: number | null;
};

/** A master data row as headquarters sent it (JSON), and the download generation that last saw it. */
export type HqMasterTable = { entity: string; entity_id: string; payload: string; generation: number };

export type DB = MoneyTables &
  QualityTables & {
    sync_state: SyncStateTable;
    hq_master: HqMasterTable;
    meta: MetaTable;
    stores: StoresTable;
    staff: StaffTable;
    staff_pin_attempts: StaffPinAttemptsTable;
    settings: SettingsTable;
    audit_log: AuditLogTable;
    outbox: OutboxTable;
    warranty_policies: WarrantyPoliciesTable;
    categories: CategoriesTable;
    device_models: DeviceModelsTable;
    customers: CustomersTable;
    customer_phones: CustomerPhonesTable;
    customer_name_bigrams: { bigram: string; customer_rowid: number };
    devices: DevicesTable;
    ticket_sequences: { store_id: string; business_date: string; last_seq: number };
    tickets: TicketsTable;
    ticket_photos: TicketPhotosTable;
    ticket_events: TicketEventsTable;
    custody_movements: CustodyMovementsTable;
    payments: PaymentsTable;
    print_log: PrintLogTable;
    intake_requests: { idempotency_key: string; ticket_id: string };
    parts: PartsTable;
    stock_movements: StockMovementsTable;
    stock_requests: StockRequestsTable;
    custody_state: CustodyStateTable;
    shelf_counts: ShelfCountsTable;
    shelf_count_scans: ShelfCountScansTable;
    shelf_count_results: ShelfCountResultsTable;
    labour_entries: LabourEntriesTable;
    labour_timers: LabourTimersTable;
    repair_parts: RepairPartsTable;
    approvals: ApprovalsTable;
    repair_checks: RepairChecksTable;
    notifications: NotificationsTable;
  };

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<DB> | Transaction<DB>;
