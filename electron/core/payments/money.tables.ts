/** Kysely types of the hand-back, drawer and day-close tables (migration 0007), joined into `DB`. */

export type DiscountsTable = {
  id: string;
  store_id: string;
  ticket_id: string;
  business_date: string;
  amount_fen: number;
  reason: string;
  staff_id: string;
  approved_by: string;
  at: number;
  idempotency_key: string;
};

export type SignaturesTable = {
  id: string;
  store_id: string;
  ticket_id: string;
  purpose: 'pickup';
  mime: string;
  data: Uint8Array;
  staff_id: string;
  at: number;
};

export type PickupsTable = {
  id: string;
  store_id: string;
  ticket_id: string;
  business_date: string;
  receipt: 'returned' | 'lost';
  signature_id: string;
  charges_fen: number;
  discounts_fen: number;
  paid_fen: number;
  /** The bill as it stood once settled (JSON), so a reprint shows what the customer signed for. */
  bill: string;
  /** The repair's own guarantee: the same fault again before this date is repaired free. */
  repair_warranty_until: string | null;
  /** The device's 三包 warranty, extended by its days in repair; null outside it. */
  warranty_until: string | null;
  staff_id: string;
  at: number;
  idempotency_key: string;
};

export type CashMovementsTable = {
  id: string;
  store_id: string;
  business_date: string;
  kind: 'float' | 'pay_in' | 'pay_out';
  amount_fen: number;
  /** The float's count by denomination (JSON `{ "10000": 2, ... }`); `{}` for pay-ins and payouts. */
  counts: string;
  note: string;
  staff_id: string;
  at: number;
  idempotency_key: string;
};

export type DrawerCountsTable = {
  id: string;
  store_id: string;
  business_date: string;
  counts: string;
  counted_fen: number;
  expected_fen: number;
  blind: 0 | 1;
  staff_id: string;
  at: number;
  idempotency_key: string;
};

export type DayClosesTable = {
  id: string;
  store_id: string;
  business_date: string;
  z_no: number;
  count_id: string;
  expected_fen: number;
  counted_fen: number;
  variance_fen: number;
  note: string;
  /** The Z-report as printed (JSON), so a reprint shows exactly what was signed off. */
  report: string;
  closed_by: string;
  at: number;
  idempotency_key: string;
};

export type DayReopensTable = {
  id: string;
  store_id: string;
  business_date: string;
  close_id: string;
  reason: string;
  staff_id: string;
  approved_by: string;
  at: number;
};

export type MoneyTables = {
  discounts: DiscountsTable;
  signatures: SignaturesTable;
  pickups: PickupsTable;
  cash_movements: CashMovementsTable;
  drawer_counts: DrawerCountsTable;
  day_closes: DayClosesTable;
  day_reopens: DayReopensTable;
};
