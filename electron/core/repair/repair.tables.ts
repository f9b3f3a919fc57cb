/** Kysely types of the repair tables (migration 0006), joined into `DB` in db/schema.ts. */

export type LabourEntriesTable = {
  id: string;
  store_id: string;
  ticket_id: string;
  technician_id: string;
  /** Negative only on a reversal, which undoes the entry it names. */
  minutes: number;
  started_at: number | null;
  ended_at: number | null;
  source: 'timer' | 'manual' | 'reversal';
  reverses: string | null;
  note: string;
  recorded_by: string;
  at: number;
};

export type LabourTimersTable = {
  ticket_id: string;
  technician_id: string;
  started_at: number;
};

export type RepairPartsTable = {
  id: string;
  store_id: string;
  ticket_id: string;
  movement_id: string;
  old_part: 'returned' | 'kept' | 'none';
  /** The part's price when it was fitted: what the customer is charged, whatever the price later. */
  price_fen: number;
  at: number;
};

export type ApprovalsTable = {
  id: string;
  store_id: string;
  ticket_id: string;
  decision: 'approved' | 'declined';
  method: 'in_person' | 'phone' | 'message';
  given_by: string;
  amount_fen: number;
  recorded_by: string;
  at: number;
  note: string;
};

export type RepairChecksTable = {
  id: string;
  store_id: string;
  ticket_id: string;
  kind: 'qc' | 'supervisor';
  passed: number;
  staff_id: string;
  at: number;
  note: string;
};

export type NotificationsTable = {
  id: string;
  store_id: string;
  ticket_id: string;
  ticket_status: string;
  channel: 'phone' | 'sms' | 'wechat' | 'in_person' | 'webhook';
  language: string;
  recipient: string;
  body: string;
  /** What the person noted about a manual attempt ("said he'd come on Saturday"). */
  note: string;
  result: 'reached' | 'no_answer' | 'left_message' | 'queued' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: number | null;
  last_error: string;
  staff_id: string;
  at: number;
  sent_at: number | null;
  /** The sender's request id (notify.send): the same request queues one message. */
  request_id: string | null;
  /** The failed message this one sends again; each is sent again once. */
  retry_of: string | null;
};
