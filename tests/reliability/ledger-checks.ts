import { isDeepStrictEqual } from 'node:util';
import type { SqliteHandle } from '../../electron/core/db/open';
import type { PaymentsTable } from '../../electron/core/db/schema';
import type { CashMovementsTable, PickupsTable } from '../../electron/core/payments/money.tables';
import type { CallLog } from './call-log';
import { groupBy, handBacks } from './hand-back-checks';
import type { Request, TakenRow } from './money-protocol';

export type LedgerFindings = {
  paymentRows: number;
  handBacks: number;
  /** Acknowledged rows the database does not hold. */
  lost: string[];
  /** Rows beyond what a request asked for: a retry or a repeat that wrote again. */
  doubled: string[];
  /** Anything else that breaks an invariant (a partial hand-back, a row without its audit entry...). */
  problems: string[];
  /** Whether the request the last kill left unacknowledged had committed; null when none was left. */
  pendingCommitted: boolean | null;
};

type Expected = { key: string; ticket: string } & TakenRow;

/** The payment rows a request writes; a hand-back's refunds are known only from its answer. */
function expectedRows(request: Request, taken: TakenRow[] | undefined): Expected[] {
  if (request.op === 'cash') return [];
  const kind = request.op === 'take' ? request.kind : 'payment';
  const paid = request.lines.map((line, i) => ({
    key: `${request.key}:${i}`,
    ticket: request.ticket,
    kind,
    method: line.method,
    amountFen: line.amountFen,
    tenderedFen: line.tenderedFen ?? null,
  }));
  const refunds = (taken ?? [])
    .filter((row) => row.kind === 'refund')
    .map((row, i) => ({ ...row, key: `${request.key}:r:${i}`, ticket: request.ticket }));
  return [...paid, ...refunds];
}

const asExpected = (row: PaymentsTable): Expected => ({
  key: row.idempotency_key,
  ticket: row.ticket_id,
  kind: row.kind,
  method: row.method,
  amountFen: row.amount_fen,
  tenderedFen: row.tendered_fen,
});

/** The request a payment row belongs to: its key less the line suffix (`:0`, or `:r:0` for refunds). */
const requestKey = (rowKey: string) => rowKey.replace(/:(r:)?\d+$/, '');

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/**
 * Checks the money ledgers against what the worker acknowledged, straight from the tables: every
 * acknowledged row exactly once and as asked, nothing written by no request, nothing partial, every
 * row with its audit entry and outbox row, and every hand-back complete.
 */
export function checkLedgers(sqlite: SqliteHandle, log: CallLog, setupCashKeys: string[]): LedgerFindings {
  const all = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[];
  const lost: string[] = [];
  const doubled: string[] = [];
  const problems: string[] = [];

  const integrity = sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 3))}`);

  const payments = all<PaymentsTable>('SELECT * FROM payments');
  const pickups = all<PickupsTable>('SELECT * FROM pickups');
  const cash = all<CashMovementsTable>('SELECT * FROM cash_movements');
  for (const [table, rows] of [
    ['payments', payments],
    ['pickups', pickups],
    ['cash_movements', cash],
  ] as const) {
    for (const [key, n] of countBy<{ idempotency_key: string }>(rows, (r) => r.idempotency_key)) {
      if (n > 1) doubled.push(`${table}: idempotency key ${key} appears ${n} times`);
    }
  }
  const paymentByKey = new Map(payments.map((row) => [row.idempotency_key, row]));
  const paymentsOfRequest = groupBy(payments, (row) => requestKey(row.idempotency_key));
  const pickupByKey = new Map(pickups.map((row) => [row.idempotency_key, row]));
  const cashByKey = new Map(cash.map((row) => [row.idempotency_key, row]));

  // Every acknowledged request: its rows exist, once, as the worker asked for them.
  for (const [key, { request, taken, balanceFen }] of log.acked) {
    const expected = expectedRows(request, taken);
    for (const want of expected) {
      const row = paymentByKey.get(want.key);
      if (!row) lost.push(`${request.op} ${want.key}: acknowledged, not in payments`);
      else if (!isDeepStrictEqual(asExpected(row), want)) {
        problems.push(
          `${want.key}: stored ${JSON.stringify(asExpected(row))}, asked ${JSON.stringify(want)}`,
        );
      }
    }
    const rows = paymentsOfRequest.get(key) ?? [];
    if (rows.length > expected.length)
      doubled.push(`${key}: ${rows.length} payment rows for ${expected.length}`);
    if (request.op === 'pickup') {
      const answered = (taken ?? []).filter((row) => row.kind !== 'refund');
      const asked = expectedRows(request, []).map(({ key: _k, ticket: _t, ...row }) => row);
      if (!isDeepStrictEqual(answered, asked)) problems.push(`${key}: the voucher lists other payments`);
      if (balanceFen !== 0) problems.push(`${key}: hand-back left a balance of ${String(balanceFen)}`);
      const pickup = pickupByKey.get(key);
      if (!pickup) lost.push(`pickup ${key}: acknowledged, no pickups row`);
      else if (pickup.ticket_id !== request.ticket) problems.push(`pickup ${key}: stored for another ticket`);
    }
    if (request.op === 'cash') {
      const row = cashByKey.get(key);
      if (!row) lost.push(`cash ${key}: acknowledged, not in cash_movements`);
      else if (row.kind !== request.kind || row.amount_fen !== request.amountFen) {
        problems.push(
          `cash ${key}: stored ${row.kind} ${row.amount_fen}, asked ${request.kind} ${request.amountFen}`,
        );
      }
    }
  }

  // The request a kill left unanswered: all of it committed, or none of it.
  let pendingCommitted: boolean | null = null;
  const pending = log.pending;
  if (pending && !log.acked.has(pending.key)) {
    const rows = paymentsOfRequest.get(pending.key) ?? [];
    if (pending.op === 'take') {
      pendingCommitted = rows.length > 0;
      const want = expectedRows(pending, undefined);
      if (pendingCommitted && !isDeepStrictEqual(rows.map(asExpected).sort(byKey), want.sort(byKey))) {
        problems.push(
          `${pending.key}: partial or altered after the crash: ${rows.length} of ${want.length} rows`,
        );
      }
    } else if (pending.op === 'pickup') {
      pendingCommitted = pickupByKey.has(pending.key);
      const paid = rows.filter((row) => row.kind === 'payment').length;
      if (paid !== (pendingCommitted ? pending.lines.length : 0) || (!pendingCommitted && rows.length > 0)) {
        problems.push(`${pending.key}: partial hand-back after the crash (${rows.length} payment rows)`);
      }
    } else {
      pendingCommitted = cashByKey.has(pending.key);
    }
  }

  // A request a kill left unanswered is sent again under its own key until it is answered.
  for (const key of log.intents.keys()) {
    if (!log.acked.has(key) && key !== pending?.key)
      problems.push(`${key}: announced, never answered nor sent again`);
  }

  // Nothing written by a request nobody made.
  for (const key of paymentsOfRequest.keys()) {
    if (!log.intents.has(key)) problems.push(`payments under key ${key}, which no request used`);
  }
  for (const key of pickupByKey.keys()) {
    if (!log.intents.has(key)) problems.push(`pickup under key ${key}, which no request used`);
  }
  for (const key of cashByKey.keys()) {
    if (!log.intents.has(key) && !setupCashKeys.includes(key)) {
      problems.push(`cash movement under key ${key}, which no request used`);
    }
  }

  problems.push(...sideRows(sqlite, payments, cash, pickups), ...handBacks(sqlite, payments, pickups));
  return {
    paymentRows: payments.length,
    handBacks: pickups.length,
    lost,
    doubled,
    problems,
    pendingCommitted,
  };
}

const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);

/** Each money row has its audit entry and its outbox row, written in its transaction. */
function sideRows(
  sqlite: SqliteHandle,
  payments: PaymentsTable[],
  cash: CashMovementsTable[],
  pickups: PickupsTable[],
): string[] {
  const problems: string[] = [];
  const counts = (table: 'audit_log' | 'outbox', entity: string) =>
    new Map(
      (
        sqlite
          .prepare(`SELECT entity_id AS id, count(*) AS n FROM ${table} WHERE entity = ? GROUP BY entity_id`)
          .all(entity) as { id: string; n: number }[]
      ).map((row) => [row.id, row.n]),
    );
  const expect = (entity: string, ids: string[], tables: ('audit_log' | 'outbox')[]) => {
    for (const table of tables) {
      const found = counts(table, entity);
      for (const id of ids) {
        const n = found.get(id) ?? 0;
        if (n !== 1) problems.push(`${entity} ${id}: ${n} ${table} rows`);
      }
    }
  };
  expect(
    'payments',
    payments.map((row) => row.id),
    ['audit_log', 'outbox'],
  );
  expect(
    'cash_movements',
    cash.map((row) => row.id),
    ['audit_log', 'outbox'],
  );
  expect(
    'pickups',
    pickups.map((row) => row.id),
    ['outbox'],
  );
  return problems;
}
