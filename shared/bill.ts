/**
 * What a customer owes for a ticket, as a pure function of its repair card and its money ledger, so
 * the counter, the printouts and the tests compute it one way.
 *
 * - 三包 (charge basis `free`): labour and parts are listed and then covered in full.
 * - An estimate declined by the customer (`diagnosis_fee`): the diagnosis fee alone.
 * - Otherwise labour at the store's hourly rate plus parts at the price when fitted, never more than
 *   the amount the customer agreed to (the approved amount, else the estimate): a higher figure would
 *   have needed their approval first.
 */

export type ChargeBasis = 'estimate' | 'diagnosis_fee' | 'free';
export const billLineKinds = ['labour', 'parts', 'diagnosis_fee', 'warranty', 'quote_cap'] as const;
export type BillLine = { kind: (typeof billLineKinds)[number]; amountFen: number };

export type BillInput = {
  chargeBasis: ChargeBasis;
  labourMinutes: number;
  labourRatePerHourFen: number;
  /** Fitted parts (negative quantities are parts taken back). */
  parts: { quantity: number; priceFen: number }[];
  diagnosisFeeFen: number;
  /** What the customer agreed to pay at most; null when no amount was quoted. */
  quoteFen: number | null;
  discountsFen: number;
  depositsFen: number;
  paymentsFen: number;
  refundsFen: number;
};

export type BillTotals = {
  lines: BillLine[];
  chargesFen: number;
  discountsFen: number;
  /** Deposits and payments less refunds. */
  paidFen: number;
  /** Still to pay; negative when the store owes the customer (a deposit above the charges). */
  balanceFen: number;
};

export function computeBill(input: BillInput): BillTotals {
  const labour = Math.round((input.labourMinutes * input.labourRatePerHourFen) / 60);
  const parts = input.parts.reduce((sum, part) => sum + part.quantity * part.priceFen, 0);
  const lines: BillLine[] = [];
  if (input.chargeBasis === 'diagnosis_fee') {
    lines.push({ kind: 'diagnosis_fee', amountFen: input.diagnosisFeeFen });
  } else {
    lines.push({ kind: 'labour', amountFen: labour }, { kind: 'parts', amountFen: parts });
    if (input.chargeBasis === 'free') lines.push({ kind: 'warranty', amountFen: -(labour + parts) });
    else if (input.quoteFen !== null && labour + parts > input.quoteFen) {
      lines.push({ kind: 'quote_cap', amountFen: input.quoteFen - (labour + parts) });
    }
  }
  const chargesFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  const paidFen = input.depositsFen + input.paymentsFen - input.refundsFen;
  return {
    lines,
    chargesFen,
    discountsFen: input.discountsFen,
    paidFen,
    balanceFen: chargesFen - input.discountsFen - paidFen,
  };
}
