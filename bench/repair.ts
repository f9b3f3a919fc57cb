import type { Core } from '../electron/core/core';
import { dispatch } from '../electron/core/dispatch';
import type { InputOf, MethodName, OutputOf } from '../shared/contract';
import type { boardViews } from '../shared/contract-repair';
import { workStatuses, type TicketStatus } from '../shared/ticket-status';
import type { Random } from '../scripts/seed/random';
import { seedStaff } from '../scripts/seed/store';
import { median, msSince, nowNs, percentile } from './stats';

export type RepairBenchOptions = {
  /** Timed board calls per view (and "my jobs" calls). */
  count: number;
  /** Timed moves (half there, half back). */
  transitions: number;
  warmup: number;
};

type View = (typeof boardViews)[number];
type Figure = { p50: number; p95: number; n: number };
type Keyed = Figure & { byKey: (Figure & { key: string })[] };

/** Past this much time in timed calls (and with 20 taken), a slow figure stops rather than hangs. */
const budgetMs = 30_000;

/**
 * Times `fn` once per input after `warmup` untimed calls, and per key as well (a board status, a
 * technician), so a slow figure says which query it was. `fn` returns the ms it wants counted, or
 * undefined to count the whole call.
 */
async function timeEach<T>(
  inputs: readonly T[],
  key: (input: T) => string,
  fn: (input: T) => Promise<number | undefined>,
  warmup: number,
): Promise<Keyed> {
  for (let i = 0; i < warmup; i++) await fn(inputs[i % inputs.length] as T);
  const samples: number[] = [];
  const byKey = new Map<string, number[]>();
  let spent = 0;
  for (const input of inputs) {
    const start = nowNs();
    const counted = await fn(input);
    const ms = typeof counted === 'number' ? counted : msSince(start);
    samples.push(ms);
    spent += ms;
    const k = key(input);
    const own = byKey.get(k);
    if (own) own.push(ms);
    else byKey.set(k, [ms]);
    if (spent > budgetMs && samples.length >= 20) break;
  }
  const figure = (s: number[]): Figure => ({ p50: median(s), p95: percentile(s, 95), n: s.length });
  return { ...figure(samples), byKey: [...byKey].map(([k, s]) => ({ key: k, ...figure(s) })) };
}

/**
 * The repair board and workflow at scale, through dispatch as the screens call them:
 * - `repair.board` in each view: with each work status in rotation, and the whole board (no status:
 *   every work status, pickup statuses too in the status view); every call also counts the board
 *   (per status, overdue, stalled, unassigned);
 * - `repair.myJobs` signed in as each seeded technician in turn;
 * - `repair.move` on open tickets, there and back (in_repair → awaiting_parts → in_repair, or
 *   in_repair → on_hold with a note → in_repair), signed in as a technician. Each move names the
 *   version read just before it with a bare SELECT, which is not timed; the timing is the whole
 *   call: session, input check, the transaction (ticket read, rule check, versioned update, event,
 *   audit entry, outbox row) and the answer. The tickets end where they were, two versions on.
 */
export async function benchRepair(
  core: Core,
  clerkToken: string,
  random: Random,
  options: RepairBenchOptions,
) {
  const call = async <M extends MethodName>(
    method: M,
    input: InputOf<M>,
    token?: string,
  ): Promise<OutputOf<M>> => {
    const result = await dispatch(core, method, input, { token });
    if (!result.ok) {
      throw new Error(
        `${method} refused ${JSON.stringify(input)}: ${result.error.code} ${result.error.message}`,
      );
    }
    return result.value as OutputOf<M>;
  };
  const signIn = async (person: (typeof seedStaff)[number]) => {
    const staff = (await call('auth.roster', {}, clerkToken)).find((s) => s.name === person.name);
    if (!staff) throw new Error(`No ${person.name}: was this store made by npm run seed?`);
    return {
      id: staff.id,
      name: person.name,
      ...(await call('auth.signIn', { staffId: staff.id, pin: person.pin })),
    };
  };

  // The board: each view over each work status in rotation, and the whole board (no status).
  const rotation: (TicketStatus | undefined)[] = [undefined, ...workStatuses];
  const statuses = Array.from({ length: options.count }, (_, i) => rotation[i % rotation.length]);
  const board = async (view: View) => {
    let rows = 0;
    const figure = await timeEach(
      statuses,
      (status) => status ?? '(all)',
      async (status) => {
        const answer = await call('repair.board', status ? { view, status } : { view }, clerkToken);
        rows += answer.rows.length;
        return undefined;
      },
      options.warmup,
    );
    return { ...figure, rows };
  };
  const views = {
    status: await board('status'),
    overdue: await board('overdue'),
    stalled: await board('stalled'),
    unassigned: await board('unassigned'),
  };

  // My jobs, as each technician.
  const technicians = await Promise.all(seedStaff.filter((s) => s.role === 'technician').map(signIn));
  if (technicians.length === 0) throw new Error('No seeded technicians: seed the store again');
  let jobs = 0;
  const myJobs = await timeEach(
    Array.from(
      { length: options.count },
      (_, i) => technicians[i % technicians.length] as (typeof technicians)[number],
    ),
    (tech) => tech.name,
    async (tech) => {
      const answer = await call('repair.myJobs', {}, tech.token);
      jobs += answer.mine.length;
      return undefined;
    },
    options.warmup,
  );

  // Moves on open tickets, there and back, by the first technician.
  const mover = technicians[0] as (typeof technicians)[number];
  const sqlite = core.sqlite;
  const inRepair = sqlite
    .prepare("SELECT id FROM tickets WHERE status = 'in_repair' AND diagnosis != ''")
    .pluck()
    .all() as string[];
  if (inRepair.length === 0) throw new Error('No tickets in repair to move: seed the store again');
  const rounds = Math.ceil((options.transitions + options.warmup) / 2);
  const picked = Array.from({ length: rounds }, () => random.pick(inRepair));
  const moves = picked.flatMap((ticket, i): { ticket: string; to: TicketStatus; note: string }[] =>
    i % 2 === 0
      ? [
          { ticket, to: 'awaiting_parts', note: '' },
          { ticket, to: 'in_repair', note: '' },
        ]
      : [
          { ticket, to: 'on_hold', note: '等待客户确认报价' },
          { ticket, to: 'in_repair', note: '' },
        ],
  );
  const versionOf = sqlite.prepare('SELECT version FROM tickets WHERE id = ?').pluck();
  const move = async ({ ticket, to, note }: (typeof moves)[number]) => {
    const version = versionOf.get(ticket) as number;
    const start = nowNs();
    await call('repair.move', { ticket, version, to, note }, mover.token);
    return msSince(start);
  };
  // Warm-up moves are round trips too, so every ticket ends where it started.
  const warm = options.warmup - (options.warmup % 2);
  for (const m of moves.slice(0, warm)) await move(m);
  const transition = await timeEach(moves.slice(warm), (m) => `→ ${m.to}`, move, 0);
  // Stopped by the time budget halfway through a round trip: finish it.
  const made = warm + transition.n;
  if (made % 2 === 1) await move(moves[made] as (typeof moves)[number]);
  for (const tech of technicians) await call('auth.signOut', {}, tech.token);
  return { views, myJobs: { ...myJobs, jobs }, transition, openInRepair: inRepair.length };
}
