import type { paymentMethods } from '../../../shared/catalogue';
import { maxPaymentLines, type PaymentLine } from '../../../shared/contract-payments';
import { parseYuan } from '../../../shared/money';
import { plainYuan } from '../../app/money';

export type PaymentMethod = (typeof paymentMethods)[number];

/** One payment line as typed: the amounts stay text until sent, so "12." is not lost mid-typing. */
export type DraftLine = { method: PaymentMethod; amount: string; tendered: string };

/** Field path (the core's own, `lines.0.tenderedFen`) -> a field error code. */
export type LineProblems = Record<string, string>;

/** Typed yuan as fen: null for blank, NaN for text that is no amount. */
export const fenOf = (text: string): number | null =>
  text.trim() === '' ? null : (parseYuan(text) ?? Number.NaN);

/** What the screen starts with: the whole amount due in cash, or nothing when nothing is due. */
export const defaultDrafts = (dueFen: number): DraftLine[] =>
  dueFen > 0 ? [{ method: 'cash', amount: plainYuan(dueFen), tendered: '' }] : [];

/** The sum of the amounts that parse (the rest are reported by `toPaymentLines`). */
export const sumOf = (drafts: DraftLine[]): number =>
  drafts.reduce((sum, line) => {
    const fen = fenOf(line.amount);
    return sum + (fen !== null && Number.isFinite(fen) ? fen : 0);
  }, 0);

/** Cash handed over above the amount: what goes back to the customer; null when not known. */
export function changeOf(line: DraftLine): number | null {
  const amount = fenOf(line.amount);
  const tendered = fenOf(line.tendered);
  if (line.method !== 'cash' || amount === null || tendered === null) return null;
  if (!Number.isFinite(amount) || !Number.isFinite(tendered) || tendered < amount) return null;
  return tendered - amount;
}

/**
 * A line to add to a split payment: what is still open, by the first method not used yet (a second
 * cash line would only confuse the change).
 */
export function nextDraft(drafts: DraftLine[], dueFen: number | null): DraftLine {
  const used = new Set(drafts.map((line) => line.method));
  const order: PaymentMethod[] = ['wechat', 'alipay', 'card', 'cash', 'other'];
  const method = order.find((candidate) => !used.has(candidate)) ?? 'other';
  const open = dueFen === null ? 0 : dueFen - sumOf(drafts);
  return { method, amount: open > 0 ? plainYuan(open) : '', tendered: '' };
}

export const canAddLine = (drafts: DraftLine[]): boolean => drafts.length < maxPaymentLines;

/**
 * The lines the contract wants, checked as the core will check them (same field paths and codes),
 * so a clerk sees the problem at the field before anything is sent. `mustTotal` is the exact sum a
 * hand-back must pay; `atMost` the most a payment may be.
 */
export function toPaymentLines(
  drafts: DraftLine[],
  rule: { mustTotal?: number; atMost?: number } = {},
): { lines: PaymentLine[]; problems: LineProblems } {
  const problems: LineProblems = {};
  const lines: PaymentLine[] = [];
  drafts.forEach((draft, i) => {
    const amount = fenOf(draft.amount);
    const tendered = draft.method === 'cash' ? fenOf(draft.tendered) : null;
    if (amount === null) problems[`lines.${i}.amountFen`] = 'required';
    else if (Number.isNaN(amount)) problems[`lines.${i}.amountFen`] = 'money_format';
    else if (amount === 0) problems[`lines.${i}.amountFen`] = 'amount_zero';
    if (tendered !== null && Number.isNaN(tendered)) problems[`lines.${i}.tenderedFen`] = 'money_format';
    else if (tendered !== null && amount !== null && tendered < amount) {
      problems[`lines.${i}.tenderedFen`] = 'tendered_short';
    }
    if (amount !== null && Number.isFinite(amount) && amount > 0) {
      lines.push({
        method: draft.method,
        amountFen: amount,
        ...(tendered !== null && Number.isFinite(tendered) ? { tenderedFen: tendered } : {}),
      });
    }
  });
  const total = lines.reduce((sum, line) => sum + line.amountFen, 0);
  if (Object.keys(problems).length === 0) {
    if (rule.mustTotal !== undefined && total !== rule.mustTotal) problems.lines = 'must_settle';
    if (rule.atMost !== undefined && total > rule.atMost) problems.lines = 'more_than_due';
  }
  return { lines, problems };
}
