import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paymentMethods } from '../../shared/catalogue';
import type { ZReport } from '../../shared/contract-dayclose';
import { finalStatuses } from '../../shared/ticket-status';
import { totalChanges, value } from '../helpers/core';
import { repairStore } from '../helpers/repair';

type Store = Awaited<ReturnType<typeof repairStore>>;
const key = () => randomUUID();
const hour = 3600_000;

/**
 * A counter day: a float, intakes with deposits, split payments, a refund with an override, a
 * discount, hand-backs, a payout and a pay-in.
 */
async function busyDay(store: Store) {
  const clerk = store.as('clerk');
  value(await clerk('drawer.float', { counts: { '10000': 2, '1000': 5, '100': 10 }, idempotencyKey: key() }));
  const tickets = [];
  for (const [i, method] of (['cash', 'wechat', 'card', 'alipay'] as const).entries()) {
    tickets.push(await store.take({ deposit: { method, amountFen: 2000 + i * 500 } }));
  }
  const [a, b, c, d] = tickets as [
    (typeof tickets)[0],
    (typeof tickets)[0],
    (typeof tickets)[0],
    (typeof tickets)[0],
  ];
  for (const ticket of [a, b, c]) {
    value(await store.as('tech')('repair.logLabour', { ticket: ticket.id, minutes: 90, note: '' }));
    store.forceStatus(ticket.id, 'ready');
  }
  value(
    await clerk('payments.take', {
      ticket: d.id,
      kind: 'deposit',
      lines: [
        { method: 'cash', amountFen: 3000, tenderedFen: 5000 },
        { method: 'other', amountFen: 700 },
      ],
      note: '',
      idempotencyKey: key(),
    }),
  );
  value(
    await store.withOverride('clerk')('payments.refund', {
      ticket: d.id,
      method: 'alipay',
      amountFen: 1000,
      reason: '多收',
      idempotencyKey: key(),
    }),
  );
  value(
    await store.withOverride('clerk')('payments.discount', {
      ticket: a.id,
      amountFen: 500,
      reason: '等待时间长',
      idempotencyKey: key(),
    }),
  );
  // a: 9000 charged − 500 discount − 2000 deposit = 6500 in cash; b: 6500 split card and WeChat;
  // c: 9000 − 3000 = 6000 by card.
  const settle = async (ticket: string, lines: object[]) => {
    const { version } = value(await clerk('payments.bill', { ticket }));
    return value(
      await clerk('pickup.save', {
        ticket,
        version,
        lines: lines as never,
        signature: (await import('../helpers/signature')).signaturePng(),
        note: '',
        idempotencyKey: key(),
      }),
    );
  };
  await settle(a.id, [{ method: 'cash', amountFen: 6500, tenderedFen: 10000 }]);
  await settle(b.id, [
    { method: 'card', amountFen: 4000 },
    { method: 'wechat', amountFen: 2500 },
  ]);
  await settle(c.id, [{ method: 'card', amountFen: 6000 }]);
  value(
    await clerk('drawer.cash', { kind: 'pay_out', amountFen: 1500, note: '快递费', idempotencyKey: key() }),
  );
  value(
    await clerk('drawer.cash', {
      kind: 'pay_in',
      amountFen: 2000,
      note: '找零备用金',
      idempotencyKey: key(),
    }),
  );
  return { tickets };
}

/** Every Z-report figure computed again, independently, from the raw rows with plain SQL and JS. */
function recompute(store: Store, date: string) {
  const db = store.core.sqlite;
  const payments = db
    .prepare('SELECT kind, method, amount_fen FROM payments WHERE business_date = ?')
    .all(date) as {
    kind: string;
    method: string;
    amount_fen: number;
  }[];
  const sum = (rows: { amount_fen: number }[]) => ({
    count: rows.length,
    fen: rows.reduce((s, r) => s + r.amount_fen, 0),
  });
  const of = (kind: string, method?: string) =>
    sum(payments.filter((p) => p.kind === kind && (!method || p.method === method)));
  const movements = db
    .prepare('SELECT kind, amount_fen FROM cash_movements WHERE business_date = ?')
    .all(date) as {
    kind: string;
    amount_fen: number;
  }[];
  const moved = (kind: string) =>
    movements.filter((m) => m.kind === kind).reduce((s, m) => s + m.amount_fen, 0);
  const cashIn = of('deposit', 'cash').fen + of('payment', 'cash').fen;
  const tickets = db.prepare('SELECT status, promised_date, business_date FROM tickets').all() as {
    status: string;
    promised_date: string;
    business_date: string;
  }[];
  const open = tickets.filter((t) => !(finalStatuses as readonly string[]).includes(t.status));
  // On the premises: devices whose latest custody entry (by the ledger's own order) left them here.
  const latest = db
    .prepare(
      `SELECT m.kind FROM custody_movements m
       WHERE m.seq = (SELECT max(seq) FROM custody_movements WHERE ticket_id = m.ticket_id)`,
    )
    .all() as { kind: string }[];
  const discounts = db.prepare('SELECT amount_fen FROM discounts WHERE business_date = ?').all(date) as {
    amount_fen: number;
  }[];
  return {
    methods: paymentMethods.map((method) => ({
      method,
      deposits: of('deposit', method),
      payments: of('payment', method),
      refunds: of('refund', method),
      netFen: of('deposit', method).fen + of('payment', method).fen - of('refund', method).fen,
    })),
    totals: {
      deposits: of('deposit'),
      payments: of('payment'),
      refunds: of('refund'),
      netFen: of('deposit').fen + of('payment').fen - of('refund').fen,
    },
    discounts: sum(discounts),
    cash: {
      floatFen: moved('float'),
      takenFen: cashIn,
      refundedFen: of('refund', 'cash').fen,
      paidInFen: moved('pay_in'),
      paidOutFen: moved('pay_out'),
      expectedFen: moved('float') + cashIn - of('refund', 'cash').fen + moved('pay_in') - moved('pay_out'),
    },
    tickets: {
      received: tickets.filter((t) => t.business_date === date).length,
      collected: (
        db.prepare('SELECT count(*) AS n FROM pickups WHERE business_date = ?').get(date) as { n: number }
      ).n,
      open: open.length,
      overdue: open.filter((t) => t.promised_date < date).length,
    },
    onPremises: latest.filter(
      (m) => !['handed_back', 'to_vendor', 'scrapped', 'transferred_out'].includes(m.kind),
    ).length,
  };
}

const figures = (report: ZReport) => ({
  methods: report.methods,
  totals: report.totals,
  discounts: report.discounts,
  cash: {
    floatFen: report.cash.floatFen,
    takenFen: report.cash.takenFen,
    refundedFen: report.cash.refundedFen,
    paidInFen: report.cash.paidInFen,
    paidOutFen: report.cash.paidOutFen,
    expectedFen: report.cash.expectedFen,
  },
  tickets: report.tickets,
  onPremises: report.goods.onPremises,
});

describe('the daily close', () => {
  it('numbers a Z-report whose every figure equals the raw ledgers, and asks for a note on a variance', async () => {
    const store = await repairStore();
    await busyDay(store);
    const date = '2026-11-22';
    const clerk = store.as('clerk');
    const preview = value(await clerk('dayclose.preview', { businessDate: date }));
    expect(figures(preview)).toEqual(recompute(store, date));
    // The day as a person would add it up: float 20000+5000+1000, cash 2000 deposit + 3000 deposit
    // + 6500 payment, payout 1500, pay-in 2000.
    expect(preview.cash.expectedFen).toBe(26000 + 2000 + 3000 + 6500 - 1500 + 2000);
    expect(preview.totals?.refunds).toEqual({ count: 1, fen: 1000 });
    expect(preview.tickets).toMatchObject({ received: 4, collected: 3, open: 1 });

    // ¥1 short in the drawer.
    const counted = { '10000': 3, '5000': 1, '1000': 2, '500': 1, '100': 4, '50': 1 };
    const count = value(
      await clerk('dayclose.count', { businessDate: date, counts: counted, idempotencyKey: key() }),
    );
    expect(count.cash).toMatchObject({ countedFen: 37950, varianceFen: 37950 - 38000, countsTaken: 1 });
    const before = totalChanges(store.core);
    const silent = await clerk('dayclose.close', { businessDate: date, note: '', idempotencyKey: key() });
    expect(silent.ok || silent.error).toMatchObject({
      code: 'invalid_input',
      fields: { note: 'variance_note_required' },
      details: { varianceFen: -50 },
    });
    expect(totalChanges(store.core)).toBe(before);

    const closeKey = key();
    const z = value(
      await clerk('dayclose.close', { businessDate: date, note: '找零少了五毛', idempotencyKey: closeKey }),
    );
    expect(z).toMatchObject({
      zNo: 1,
      closed: true,
      note: '找零少了五毛',
      closedBy: { id: store.crew.clerk.id },
    });
    expect(figures(z)).toEqual(recompute(store, date));
    expect(z.cash).toMatchObject({ counts: counted, countedFen: 37950, varianceFen: -50 });
    // A retry of the same close answers the same report; a second close is refused.
    expect(
      value(await clerk('dayclose.close', { businessDate: date, note: 'x', idempotencyKey: closeKey })),
    ).toEqual(z);
    const twice = await clerk('dayclose.close', { businessDate: date, note: 'x', idempotencyKey: key() });
    expect(twice.ok || twice.error).toMatchObject({ code: 'day_closed' });
    expect(value(await clerk('dayclose.report', { zNo: 1 }))).toEqual(z);
    expect(value(await clerk('dayclose.list', {}))).toMatchObject([
      { zNo: 1, businessDate: date, varianceFen: -50, reopened: false },
    ]);
  });

  it('locks the day: later money falls into the next day, a closed day refuses it, and only a supervisor reopens it', async () => {
    const store = await repairStore();
    const clerk = store.as('clerk');
    const ticket = await store.take({ deposit: { method: 'cash', amountFen: 1000 } });
    const date = '2026-11-22';
    value(
      await clerk('dayclose.count', { businessDate: date, counts: { '1000': 1 }, idempotencyKey: key() }),
    );
    value(await clerk('dayclose.close', { businessDate: date, note: '', idempotencyKey: key() }));
    const deposit = (businessDate?: string) =>
      clerk('payments.take', {
        ticket: ticket.id,
        kind: 'deposit',
        lines: [{ method: 'card', amountFen: 500 }],
        businessDate,
        note: '',
        idempotencyKey: key(),
      });
    const before = totalChanges(store.core);
    const locked = await deposit(date);
    expect(locked.ok || locked.error).toMatchObject({ code: 'day_closed', details: { businessDate: date } });
    const early = await deposit('2026-11-24');
    expect(early.ok || early.error).toMatchObject({ fields: { businessDate: 'date_in_future' } });
    const tomorrow = await clerk('dayclose.close', {
      businessDate: '2026-11-23',
      note: '',
      idempotencyKey: key(),
    });
    expect(tomorrow.ok || tomorrow.error).toMatchObject({ fields: { businessDate: 'date_in_future' } });
    expect(totalChanges(store.core)).toBe(before);
    // The same evening, after the close: tomorrow's drawer.
    const late = value(await deposit());
    expect(late.entries.at(-1)?.businessDate).toBe('2026-11-23');
    expect(value(await clerk('drawer.state', {})).businessDate).toBe('2026-11-23');

    await store.passTime(hour); // the supervisor is fetched an hour later
    const alone = await clerk('dayclose.reopen', { businessDate: date, reason: '漏记一笔' });
    expect(alone.ok || alone.error).toMatchObject({ code: 'override_required' });
    const reopened = value(
      await store.withOverride('clerk')('dayclose.reopen', { businessDate: date, reason: '漏记一笔' }),
    );
    expect(reopened.businessDate).toBe(date);
    value(await deposit(date)); // the forgotten payment, into its own day
    // The count before the reopen was for the close it undid: the day must be counted again.
    const uncounted = await clerk('dayclose.close', { businessDate: date, note: '', idempotencyKey: key() });
    expect(uncounted.ok || uncounted.error).toMatchObject({ fields: { counts: 'count_first' } });
    value(
      await clerk('dayclose.count', { businessDate: date, counts: { '1000': 1 }, idempotencyKey: key() }),
    );
    const again = value(
      await clerk('dayclose.close', { businessDate: date, note: '', idempotencyKey: key() }),
    );
    expect(again).toMatchObject({ zNo: 2, earlierZ: [1] });
    expect(again.totals?.deposits).toEqual({ count: 2, fen: 1500 });
    const first = value(await clerk('dayclose.report', { zNo: 1 }));
    expect(first.reopened).toMatchObject({
      by: { id: store.crew.clerk.id },
      approvedBy: { id: store.crew.supervisor.id },
      reason: '漏记一笔',
    });
    const audit = store.core.sqlite
      .prepare("SELECT override_by FROM audit_log WHERE action = 'dayclose.reopen'")
      .all();
    expect(audit).toEqual([{ override_by: store.crew.supervisor.id }]);
  });

  it('keeps a blind close blind until the drawer is counted, and shows every recount', async () => {
    const store = await repairStore();
    const clerk = store.as('clerk');
    value(await store.as('admin')('settings.update', { blindClose: true }));
    await store.take({ deposit: { method: 'cash', amountFen: 4200 } });
    const date = '2026-11-22';
    expect(value(await clerk('drawer.state', {})).expectedCashFen).toBeNull();
    // Nothing the expected cash could be worked out from: not the cash taken, nor the cash row, nor the totals.
    const hidden = value(await clerk('dayclose.preview', { businessDate: date }));
    expect(hidden.cash).toMatchObject({ expectedFen: null, takenFen: null, refundedFen: null });
    expect(hidden.totals).toBeNull();
    expect(hidden.methods.map((m) => m.method)).not.toContain('cash');
    const first = value(
      await clerk('dayclose.count', { businessDate: date, counts: { '1000': 4 }, idempotencyKey: key() }),
    );
    expect(first.cash).toMatchObject({ expectedFen: 4200, countedFen: 4000, varianceFen: -200 });
    await store.passTime(hour / 4);
    const second = value(
      await clerk('dayclose.count', {
        businessDate: date,
        counts: { '1000': 4, '100': 2 },
        idempotencyKey: key(),
      }),
    );
    // Having seen ¥42 expected, a recount to ¥42 is kept and shown, but the first count stands.
    expect(second.cash).toMatchObject({
      countedFen: 4000,
      varianceFen: -200,
      countsTaken: 2,
      firstCountFen: 4000,
    });
    const matched = await clerk('dayclose.close', { businessDate: date, note: '', idempotencyKey: key() });
    expect(matched.ok || matched.error).toMatchObject({ fields: { note: 'variance_note_required' } });
    const z = value(
      await clerk('dayclose.close', { businessDate: date, note: '点错两张', idempotencyKey: key() }),
    );
    expect(z).toMatchObject({
      blind: true,
      cash: { countsTaken: 2, firstCountFen: 4000, varianceFen: -200 },
    });
    expect(value(await clerk('dayclose.list', {}))[0]?.varianceFen).toBe(-200);
  });

  it('refuses bad counts, a second float, a payout beyond the drawer and a close before any count; nothing is written', async () => {
    const store = await repairStore();
    const clerk = store.as('clerk');
    value(await clerk('drawer.float', { counts: { '5000': 1 }, idempotencyKey: key() }));
    const date = '2026-11-22';
    const before = totalChanges(store.core);
    const refusals = [
      [
        await clerk('dayclose.count', { businessDate: date, counts: { '1000': -1 }, idempotencyKey: key() }),
        { 'counts.1000': 'count_negative' },
      ],
      [
        await clerk('dayclose.count', { businessDate: date, counts: { '1000': 1.5 }, idempotencyKey: key() }),
        { 'counts.1000': 'count_integer' },
      ],
      [
        await clerk('dayclose.count', {
          businessDate: date,
          counts: { '3': 1 } as never,
          idempotencyKey: key(),
        }),
        { counts: 'unknown_field' },
      ],
      [
        await clerk('dayclose.count', { businessDate: '2026-13-01', counts: {}, idempotencyKey: key() }),
        { businessDate: 'date_format' },
      ],
      [
        await clerk('drawer.float', { counts: { '100': 1 }, idempotencyKey: key() }),
        { counts: 'float_counted' },
      ],
      [
        await clerk('drawer.cash', { kind: 'pay_out', amountFen: 5001, note: '进货', idempotencyKey: key() }),
        { amountFen: 'more_than_in_drawer' },
      ],
      [
        await clerk('drawer.cash', { kind: 'pay_out', amountFen: 100, note: '', idempotencyKey: key() }),
        { note: 'required' },
      ],
      [
        await clerk('dayclose.close', { businessDate: date, note: '', idempotencyKey: key() }),
        { counts: 'count_first' },
      ],
      [
        await store.as('supervisor')('dayclose.reopen', { businessDate: date, reason: '试试' }),
        { businessDate: 'not_closed' },
      ],
    ] as const;
    for (const [result, fields] of refusals) {
      expect(result.ok).toBe(false);
      expect(result.ok || result.error.fields).toMatchObject(fields);
    }
    expect(totalChanges(store.core)).toBe(before);
  });

  it('refuses a request key reused for another day or another count, money put on a day too far back, and keeps an intake deposit after the close out of the closed day', async () => {
    const store = await repairStore();
    const clerk = store.as('clerk');
    const date = '2026-11-22';
    const countKey = key();
    value(
      await clerk('dayclose.count', { businessDate: date, counts: { '100': 1 }, idempotencyKey: countKey }),
    );
    const recount = await clerk('dayclose.count', {
      businessDate: date,
      counts: { '100': 2 },
      idempotencyKey: countKey,
    });
    expect(recount.ok || recount.error).toMatchObject({
      code: 'conflict',
      details: { reason: 'key_reused' },
    });
    value(await clerk('dayclose.count', { businessDate: '2026-11-21', counts: {}, idempotencyKey: key() }));
    const closeKey = key();
    value(await clerk('dayclose.close', { businessDate: date, note: '备用金', idempotencyKey: closeKey }));
    const otherDay = await clerk('dayclose.close', {
      businessDate: '2026-11-21',
      note: '',
      idempotencyKey: closeKey,
    });
    expect(otherDay.ok || otherDay.error).toMatchObject({
      code: 'conflict',
      details: { reason: 'key_reused' },
    });

    // Taken in after the close: the deposit belongs to tomorrow's drawer, not the closed day.
    const ticket = await store.take({ deposit: { method: 'cash', amountFen: 5000 } });
    const bill = value(await clerk('payments.bill', { ticket: ticket.id }));
    expect(bill.entries).toMatchObject([{ kind: 'deposit', businessDate: '2026-11-23' }]);
    expect(value(await clerk('dayclose.report', { zNo: 1 })).cash.takenFen).toBe(0);

    // Put on a day long ago, or before the ticket existed, money would be on no Z-report ever.
    const deposit = (businessDate: string) =>
      clerk('payments.take', {
        ticket: ticket.id,
        kind: 'deposit',
        lines: [{ method: 'cash', amountFen: 100 }],
        businessDate,
        note: '',
        idempotencyKey: key(),
      });
    for (const early of ['2025-01-01', '2026-11-21']) {
      const refused = await deposit(early);
      expect(refused.ok || refused.error).toMatchObject({ fields: { businessDate: 'date_too_early' } });
    }
  });
});
