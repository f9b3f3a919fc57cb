/**
 * What the money worker and the kill-loop test say to each other: the worker's configuration (one
 * JSON argument) and the JSON lines it prints. An `ack` line is printed only after the handler
 * answered ok, so an acknowledged call is one the counter told the clerk had gone through.
 */

export type PayLine = {
  method: 'cash' | 'card' | 'wechat' | 'alipay';
  amountFen: number;
  tenderedFen?: number;
};

/** One write the worker makes; replayed as is (same idempotency key) when it is retried. */
export type Request =
  | { op: 'take'; key: string; ticket: string; kind: 'deposit' | 'payment'; lines: PayLine[] }
  | { op: 'pickup'; key: string; ticket: string; version: number; lines: PayLine[] }
  | { op: 'cash'; key: string; kind: 'pay_in' | 'pay_out'; amountFen: number };

/** A ledger row the core wrote for an acknowledged request (a hand-back may add refunds). */
export type TakenRow = {
  kind: 'deposit' | 'payment' | 'refund';
  method: string;
  amountFen: number;
  tenderedFen: number | null;
};

export type WorkerLine =
  | { t: 'ready'; pid: number }
  /** About to send `request`: it may or may not commit if the worker dies now. */
  | { t: 'intent'; request: Request; retry: boolean }
  | {
      t: 'ack';
      request: Request;
      /** A retry after a crash, or a double-click repeat of a request already acknowledged. */
      retry: boolean;
      repeat: boolean;
      /** Hand-backs: the rows the voucher lists and the settled bill's balance. */
      taken?: TakenRow[];
      balanceFen?: number;
    }
  | { t: 'done' };

export type WorkerConfig = {
  dataDir: string;
  /** The worker's clock starts here (the test's business day), and runs on in real time. */
  clockStartMs: number;
  seed: number;
  clerk: { id: string; pin: string };
  /** Tickets ready to collect (the worker takes payments and hands them back) and open ones. */
  ready: string[];
  open: string[];
  /** A request the last run announced but never acknowledged: sent again first, same key. */
  retry: Request | null;
  /** Stop after this many acknowledged calls (the final, clean run: only the retry). */
  maxCalls: number | null;
};

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [min, max]. */
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}
