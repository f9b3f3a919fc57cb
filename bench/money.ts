import { randomUUID } from 'node:crypto';
import type { Core } from '../electron/core/core';
import { dispatch } from '../electron/core/dispatch';
import type { InputOf, MethodName, OutputOf } from '../shared/contract';
import type { PaymentLine } from '../shared/contract-payments';
import { seedStaff } from '../scripts/seed/store';
import { signaturePng } from '../tests/helpers/signature';
import type { IntakeCase } from './intake-cases';
import { median, percentile, timed } from './stats';

const methods = ['cash', 'wechat', 'card', 'alipay'] as const;

/**
 * A busy counter day, made through the real handlers, then timed:
 * - every case is taken in with a deposit (300 tickets, 300 deposits), a technician logs 60-150
 *   minutes on it (the set-up puts it on the bench and, after, straight to ready with bare UPDATEs:
 *   the workflow is benched elsewhere);
 * - `pickup.save` hands each back, paying the balance in one or two lines (cash with change, or cash
 *   and WeChat/card): another 300-600 payments, the signature, the custody entry, the status;
 *   timed against `pickup.find` (the read the screen makes first) on the same ticket;
 * - `dayclose.preview` computes the day's Z-report (by method and kind, discounts, drawer, tickets,
 *   goods), timed against the bare indexed GROUP BY of the day's payments.
 * The tickets stay collected: the database grows by the day it benched.
 */
export async function benchMoney(core: Core, clerkToken: string, cases: IntakeCase[], warmup: number) {
  const call = async <M extends MethodName>(method: M, input: InputOf<M>, token = clerkToken) => {
    const result = await dispatch(core, method, input, { token });
    if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
    return result.value as OutputOf<M>;
  };
  const tech = seedStaff.find((s) => s.role === 'technician');
  const techStaff = (await call('auth.roster', {})).find((s) => s.name === tech?.name);
  if (!tech || !techStaff) throw new Error('No seeded technician: seed the store again');
  const { token: techToken } = await call('auth.signIn', { staffId: techStaff.id, pin: tech.pin });
  const force = core.sqlite.prepare('UPDATE tickets SET status = ?, version = version + 1 WHERE id = ?');

  const tickets: string[] = [];
  for (const [i, c] of cases.entries()) {
    const deposit = { method: methods[i % methods.length] as (typeof methods)[number], amountFen: 5000 };
    const estimateFen = Math.max(c.input.estimateFen ?? 0, 20000); // a deposit is not above the estimate
    const ticket = await call('tickets.create', {
      ...c.input,
      idempotencyKey: randomUUID(),
      estimateFen,
      deposit,
    });
    force.run('in_repair', ticket.id);
    await call('repair.logLabour', { ticket: ticket.id, minutes: 60 + (i % 91), note: '' }, techToken);
    force.run('ready', ticket.id);
    tickets.push(ticket.id);
  }

  const save: number[] = [];
  const find: number[] = [];
  for (const [i, ticket] of tickets.entries()) {
    const ticketNo = core.sqlite
      .prepare('SELECT ticket_no FROM tickets WHERE id = ?')
      .pluck()
      .get(ticket) as string;
    let bill: OutputOf<'pickup.find'> | undefined;
    const findMs = await timed(async () => {
      bill = await call('pickup.find', { code: ticketNo });
    });
    if (!bill) throw new Error('pickup.find answered nothing');
    const due = Math.max(0, bill.balanceFen);
    const lines: PaymentLine[] =
      due === 0
        ? []
        : i % 2 === 0
          ? [{ method: 'cash', amountFen: due, tenderedFen: Math.ceil(due / 10000) * 10000 }]
          : [
              { method: 'cash', amountFen: Math.floor(due / 2) || due },
              ...(due > 1
                ? [
                    {
                      method: i % 4 === 1 ? ('wechat' as const) : ('card' as const),
                      amountFen: due - Math.floor(due / 2),
                    },
                  ]
                : []),
            ];
    const input = {
      ticket,
      version: bill.version,
      lines,
      signature: signaturePng(),
      note: '',
      idempotencyKey: randomUUID(),
    };
    const saveMs = await timed(() => call('pickup.save', input));
    if (i < warmup) continue;
    save.push(saveMs);
    find.push(findMs);
  }

  const businessDate = (await call('drawer.state', {})).businessDate;
  const day = core.sqlite
    .prepare(
      'SELECT count(*) AS payments, count(DISTINCT ticket_id) AS tickets FROM payments WHERE business_date = ?',
    )
    .get(businessDate) as { payments: number; tickets: number };
  const rawSums = core.sqlite.prepare(
    `SELECT method, kind, count(*), sum(amount_fen) FROM payments
     WHERE store_id = ? AND business_date = ? GROUP BY method, kind`,
  );
  const compute: number[] = [];
  const raw: number[] = [];
  const rounds = 100;
  for (let i = 0; i < rounds + warmup; i++) {
    const computeMs = await timed(() => call('dayclose.preview', { businessDate }));
    const rawMs = await timed(() => rawSums.all(core.storeId, businessDate));
    if (i < warmup) continue;
    compute.push(computeMs);
    raw.push(rawMs);
  }
  await call('auth.signOut', {}, techToken);
  return {
    day: { businessDate, ...day },
    pickup: { n: save.length, p50: median(save), p95: percentile(save, 95), findP50: median(find) },
    dayclose: { n: compute.length, p50: median(compute), p95: percentile(compute, 95), rawP50: median(raw) },
  };
}
