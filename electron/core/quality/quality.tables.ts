/** Kysely types of the quality tables (migration 0010), joined into `DB` in db/schema.ts. */

export type ComplaintsTable = {
  id: string;
  store_id: string;
  ticket_id: string | null;
  source: 'call' | 'counter' | 'follow_up';
  severity: 'low' | 'normal' | 'high';
  customer_name: string;
  customer_phone: string;
  summary: string;
  owner_id: string | null;
  reply_due_at: number;
  resolve_due_at: number;
  replied_at: number | null;
  reply: string;
  resolved_at: number | null;
  resolution: string;
  acceptance: 'accepted' | 'not_accepted' | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  version: number;
  idempotency_key: string;
};

export type ComplaintEventsTable = {
  id: string;
  complaint_id: string;
  kind: 'logged' | 'assigned' | 'replied' | 'resolved' | 'accepted' | 'not_accepted';
  note: string;
  staff_id: string;
  at: number;
};

export type FollowUpsTable = {
  id: string;
  store_id: string;
  ticket_id: string | null;
  complaint_id: string | null;
  reason: 'sampled' | 'warranty' | 'complaint';
  technician_id: string | null;
  due_at: number;
  created_at: number;
  closed_at: number | null;
};

export type FollowUpCallsTable = {
  id: string;
  follow_up_id: string;
  reached: 0 | 1;
  satisfaction: number | null;
  comment: string;
  staff_id: string;
  at: number;
  idempotency_key: string;
};

export type QualityTables = {
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  follow_ups: FollowUpsTable;
  follow_up_calls: FollowUpCallsTable;
  work_credits: WorkCreditsTable;
  repair_calls: RepairCallsTable;
};

/** A technician's net labour on a finished ticket (migration 0011), derived from the labour ledger. */
export type WorkCreditsTable = {
  ticket_id: string;
  technician_id: string;
  store_id: string;
  finished_at: number;
  minutes: number;
  first_time_fix: 0 | 1;
  /** The device came back within 30 days of its hand-back. */
  came_back: 0 | 1;
  /** The follow-up rating (1-5), on the row of the technician it rates. */
  rating: number | null;
};

export type RepairCallsTable = {
  id: string;
  store_id: string;
  customer_name: string;
  customer_phone: string;
  category_id: string | null;
  brand: string;
  model: string;
  fault: string;
  address: string;
  called_at: number;
  answer_due_at: number;
  answered_at: number | null;
  answer: string;
  answered_by: string | null;
  ticket_id: string | null;
  closed_at: number | null;
  close_reason: 'converted' | 'cancelled' | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  version: number;
  idempotency_key: string;
};
