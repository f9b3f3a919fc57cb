/**
 * The counter under the kill-loop test (run as `node --import tsx money-worker.ts '<config JSON>'`):
 * opens the core on the test's database, signs the clerk in by PIN and takes deposits, split
 * payments, hand-backs and drawer pay-ins/outs in a loop, each with a fresh idempotency key. Before a
 * call it prints an `intent` line, after the handler answered ok an `ack` line (stdout to a pipe is
 * written synchronously on Linux, so a line printed is a line the test reads even after SIGKILL).
 * Any refusal is a bug: the worker throws and exits 1.
 */
// First: the core imports text files the Vite way, which plain Node under tsx cannot load.
import '../../scripts/seed/text-imports';
import { randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import type { InputOf, MethodName } from '../../shared/contract';
import { Core } from '../../electron/core/core';
import { rpc, value } from '../helpers/core';
import {
  seededRandom,
  type PayLine,
  type Request,
  type WorkerConfig,
  type WorkerLine,
} from './money-protocol';

const say = (line: WorkerLine) => process.stdout.write(`${JSON.stringify(line)}\n`);

/** A real PNG of a scribble, as the signature pad would send. */
function signaturePng(): string {
  const png = new PNG({ width: 48, height: 16 });
  for (let x = 0; x < 48; x += 1) {
    const y = 8 + Math.round(6 * Math.sin(x / 4));
    png.data[(y * 48 + x) * 4 + 3] = 255; // a black stroke on a transparent pad
  }
  return PNG.sync.write(png).toString('base64');
}

async function main() {
  const config = JSON.parse(process.argv[2] ?? '') as WorkerConfig;
  const random = seededRandom(config.seed);
  const started = Date.now();
  const core = await Core.open({
    dataDir: config.dataDir,
    appVersion: '0.0.0-test',
    now: () => config.clockStartMs + (Date.now() - started),
  });
  const { token } = value(
    await rpc(core, 'auth.signIn', { staffId: config.clerk.id, pin: config.clerk.pin }),
  );
  const call = async <M extends MethodName>(method: M, input: InputOf<M>) =>
    value(await rpc(core, method, input, { token }));
  const signature = { mime: 'image/png' as const, data: signaturePng() };
  say({ t: 'ready', pid: process.pid });

  /** Sends one request; the answer's details go into the acknowledgement. */
  const send = async (request: Request, flags: { retry: boolean; repeat: boolean }) => {
    if (!flags.repeat) say({ t: 'intent', request, retry: flags.retry });
    const idempotencyKey = request.key;
    if (request.op === 'take') {
      const { ticket, kind, lines } = request;
      await call('payments.take', { ticket, kind, lines, idempotencyKey });
      say({ t: 'ack', request, ...flags });
    } else if (request.op === 'pickup') {
      const { ticket, version, lines } = request;
      const pickup = await call('pickup.save', { ticket, version, lines, signature, idempotencyKey });
      const taken = pickup.taken.map((e) => ({
        kind: e.kind,
        method: e.method,
        amountFen: e.amountFen,
        tenderedFen: e.tenderedFen,
      }));
      say({ t: 'ack', request, ...flags, taken, balanceFen: pickup.bill.balanceFen });
    } else {
      const { kind, amountFen } = request;
      await call('drawer.cash', { kind, amountFen, note: 'kill-loop', idempotencyKey });
      say({ t: 'ack', request, ...flags });
    }
  };

  const methods = ['cash', 'card', 'wechat', 'alipay'] as const;
  /** `totalFen` (a multiple of 10 fen) split over up to `most` lines; cash sometimes with change. */
  const split = (totalFen: number, most: number): PayLine[] => {
    const parts = Math.min(random.int(1, most), totalFen / 10);
    const lines: PayLine[] = [];
    let left = totalFen;
    for (let i = parts; i > 1; i -= 1) {
      const amountFen = random.int(1, left / 10 - (i - 1)) * 10;
      lines.push({ method: random.pick(methods), amountFen });
      left -= amountFen;
    }
    if (totalFen > 0) lines.push({ method: random.pick(methods), amountFen: left });
    return lines.map((line) =>
      line.method === 'cash' && random.next() < 0.5
        ? { ...line, tenderedFen: Math.ceil((line.amountFen + 1) / 10_000) * 10_000 }
        : line,
    );
  };

  const waiting = [...config.ready];
  /** A ticket still waiting to be collected, with its bill; collected ones leave the list. */
  const readyBill = async () => {
    while (waiting.length > 0) {
      const i = random.int(0, waiting.length - 1);
      const bill = await call('payments.bill', { ticket: waiting[i] ?? '' });
      if (bill.collectable) return bill;
      waiting.splice(i, 1);
    }
    return null;
  };

  /** The next request: mostly money on tickets, sometimes the drawer. */
  const plan = async (): Promise<Request> => {
    const key = randomUUID();
    const roll = random.next();
    const bill = roll < 0.8 ? await readyBill() : null;
    if (bill && roll < 0.2 && bill.balanceFen > 20) {
      const amount = random.int(1, bill.balanceFen / 10 - 1) * 10;
      return { op: 'take', key, ticket: bill.ticketId, kind: 'payment', lines: split(amount, 3) };
    }
    if (bill && roll >= 0.55) {
      const lines = split(Math.max(0, bill.balanceFen), 3);
      return { op: 'pickup', key, ticket: bill.ticketId, version: bill.version, lines };
    }
    if (roll < 0.8) {
      const ticket = bill && random.next() < 0.5 ? bill.ticketId : random.pick(config.open);
      return { op: 'take', key, ticket, kind: 'deposit', lines: split(random.int(10, 300) * 10, 2) };
    }
    const { expectedCashFen } = await call('drawer.state', {});
    const room = Math.floor((expectedCashFen ?? 0) / 40);
    if (roll < 0.95 && room >= 1)
      return { op: 'cash', key, kind: 'pay_out', amountFen: random.int(1, room) * 10 };
    return { op: 'cash', key, kind: 'pay_in', amountFen: random.int(1, 200) * 10 };
  };

  let acked = 0;
  let last: Request | null = null;
  if (config.retry) {
    await send(config.retry, { retry: true, repeat: false });
    last = config.retry;
    acked += 1;
  }
  while (config.maxCalls === null || acked < config.maxCalls) {
    // Now and then the same request again, as a double click would send it: it must not double.
    if (last && random.next() < 0.1) {
      await send(last, { retry: false, repeat: true });
    } else {
      last = await plan();
      await send(last, { retry: false, repeat: false });
    }
    acked += 1;
  }
  say({ t: 'done' });
  await core.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `money-worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
