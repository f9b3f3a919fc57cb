import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rpc, totalChanges, value } from '../helpers/core';
import { repairStore } from '../helpers/repair';
import { signaturePng } from '../helpers/signature';

type Store = Awaited<ReturnType<typeof repairStore>>;

/** The technician fits one of the part from stock, through the repair card. */
const fitOne = async (store: Store, ticket: string, partId: string) =>
  value(
    await store.as('tech')('repair.usePart', {
      requestId: randomUUID(),
      ticket,
      partId,
      quantity: 1,
      oldPart: 'kept',
    }),
  );

/** A phone diagnosed at ¥150 and in repair, with a ¥120 part fitted and 30 minutes of labour. */
async function repaired(store: Store, overrides = {}) {
  const ticket = await store.take(overrides);
  let { version } = await store.card(ticket.id);
  const step = async <T extends { version: number }>(done: Promise<T>) => ({ version } = await done);
  await step(
    store
      .as('tech')('repair.diagnose', {
        ticket: ticket.id,
        version,
        diagnosis: '电池鼓包',
        cause: '老化',
        estimateFen: 15000,
        next: 'in_repair',
      })
      .then(value),
  );
  const part = value(
    await store.as('supervisor')('parts.save', {
      sku: 'BAT-1',
      name: '电池',
      costFen: 8000,
      priceFen: 12000,
    }),
  );
  value(
    await store.as('clerk')('parts.receive', {
      requestId: randomUUID(),
      partId: part.id,
      quantity: 2,
      note: '',
    }),
  );
  await fitOne(store, ticket.id, part.id);
  value(await store.as('tech')('repair.logLabour', { ticket: ticket.id, minutes: 30, note: '' }));
  return { ticket, part, version: (await store.card(ticket.id)).version };
}

const bill = (store: Store, ticket: string) => store.as('clerk')('payments.bill', { ticket }).then(value);

describe('the bill', () => {
  it('charges labour at the store rate and parts at the price when fitted, never above the quote', async () => {
    const store = await repairStore();
    const { ticket, part } = await repaired(store);
    // The part's price rises after it was fitted: the customer pays the price of the day it went in.
    value(
      await store.as('supervisor')('parts.save', {
        id: part.id,
        sku: 'BAT-1',
        name: '电池',
        costFen: 8000,
        priceFen: 99000,
      }),
    );
    expect(await bill(store, ticket.id)).toMatchObject({
      lines: [
        { kind: 'labour', amountFen: 3000 }, // 30 minutes at ¥60 an hour
        { kind: 'parts', amountFen: 12000 },
      ],
      chargesFen: 15000,
      paidFen: 0,
      balanceFen: 15000,
      labourMinutes: 30,
      claimReceipt: 'held',
      collectable: false,
    });
    // An hour more on the bench: ¥21,000 of work on a ¥150 quote, so the quote caps it.
    value(await store.as('tech')('repair.logLabour', { ticket: ticket.id, minutes: 60, note: '' }));
    const capped = await bill(store, ticket.id);
    expect(capped.lines).toEqual([
      { kind: 'labour', amountFen: 9000 },
      { kind: 'parts', amountFen: 12000 },
      { kind: 'quote_cap', amountFen: -6000 },
    ]);
    expect(capped.chargesFen).toBe(15000);
  });

  it('prices each fitting of a part at its own price, and a part taken back at the latest', async () => {
    const store = await repairStore();
    const { ticket, part } = await repaired(store); // one fitted at ¥120
    const reprice = (priceFen: number) =>
      store.as('supervisor')('parts.save', {
        id: part.id,
        sku: 'BAT-1',
        name: '电池',
        costFen: 8000,
        priceFen,
      });
    value(await reprice(30000));
    await fitOne(store, ticket.id, part.id);
    expect((await bill(store, ticket.id)).lines[1]).toEqual({ kind: 'parts', amountFen: 12000 + 30000 });
  });

  it('covers 三包 work in full and charges only the diagnosis fee on a declined estimate', async () => {
    const store = await repairStore();
    const { ticket } = await repaired(store);
    store.forceStatus(ticket.id, 'in_repair', { charge_basis: 'free' });
    const free = await bill(store, ticket.id);
    expect(free.lines.at(-1)).toEqual({ kind: 'warranty', amountFen: -15000 });
    expect(free.chargesFen).toBe(0);

    const declined = await store.take({ diagnosisFeeFen: 3000 });
    store.forceStatus(declined.id, 'returned_unrepaired', { charge_basis: 'diagnosis_fee' });
    expect(await bill(store, declined.id)).toMatchObject({
      lines: [{ kind: 'diagnosis_fee', amountFen: 3000 }],
      balanceFen: 3000,
      collectable: true,
    });
  });
});

describe('payments', () => {
  it('takes deposits and split payments with change, once per idempotency key', async () => {
    const store = await repairStore();
    const { ticket } = await repaired(store);
    const deposit = {
      ticket: ticket.id,
      kind: 'deposit' as const,
      lines: [{ method: 'cash' as const, amountFen: 5000, tenderedFen: 10000 }],
      note: '',
      idempotencyKey: randomUUID(),
    };
    const afterDeposit = value(await store.as('clerk')('payments.take', deposit));
    expect(afterDeposit.entries).toMatchObject([
      {
        kind: 'deposit',
        method: 'cash',
        amountFen: 5000,
        tenderedFen: 10000,
        changeFen: 5000,
        businessDate: '2026-11-22',
      },
    ]);
    expect(afterDeposit.balanceFen).toBe(10000);

    const split = {
      ticket: ticket.id,
      kind: 'payment' as const,
      lines: [
        { method: 'card' as const, amountFen: 6000 },
        { method: 'wechat' as const, amountFen: 4000 },
      ],
      note: '',
      idempotencyKey: randomUUID(),
    };
    const paid = value(await store.as('clerk')('payments.take', split));
    const before = totalChanges(store.core);
    // A double click, or a retry after a lost answer: the same key pays nothing more.
    expect(value(await store.as('clerk')('payments.take', split))).toEqual(paid);
    expect(totalChanges(store.core)).toBe(before);
    // The same key for a different request is refused, not answered as if it had been done.
    const other = await store.as('clerk')('payments.take', {
      ...split,
      lines: [{ method: 'card', amountFen: 100 }],
    });
    expect(other.ok || other.error).toMatchObject({ code: 'conflict', details: { reason: 'key_reused' } });
    store.forceStatus(ticket.id, 'ready');
    const { version } = value(await store.as('clerk')('payments.bill', { ticket: ticket.id }));
    const reusedForPickup = await store.as('clerk')('pickup.save', {
      ticket: ticket.id,
      version,
      lines: [],
      signature: signaturePng(),
      note: '',
      idempotencyKey: split.idempotencyKey,
    });
    expect(reusedForPickup.ok || reusedForPickup.error).toMatchObject({ code: 'conflict' });
    expect(totalChanges(store.core)).toBe(before + 1); // the test's own forceStatus
    expect(paid).toMatchObject({
      balanceFen: 0,
      paidFen: 15000,
      paidByMethod: { cash: 5000, card: 6000, wechat: 4000 },
    });
    // Each line is audited and queued for headquarters in the same transaction.
    const audited = store.core.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('payments.deposit', 'payments.payment')")
      .get() as { n: number };
    const queued = store.core.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'payments'")
      .get() as {
      n: number;
    };
    expect([audited.n, queued.n]).toEqual([3, 3]);
  });

  it('refuses paying more than is due, short cash, change on a card, nothing at all, and a closed ticket; nothing is written', async () => {
    const store = await repairStore();
    const { ticket } = await repaired(store);
    const pay = (lines: object[], kind = 'payment', on = ticket.id) =>
      store.as('clerk')('payments.take', {
        ticket: on,
        kind: kind as 'payment',
        lines: lines as never,
        note: '',
        idempotencyKey: randomUUID(),
      });
    const before = totalChanges(store.core);
    const refusals = [
      [await pay([{ method: 'cash', amountFen: 15001 }]), 'invalid_input', { lines: 'more_than_due' }],
      [
        await pay([{ method: 'cash', amountFen: 5000, tenderedFen: 4000 }]),
        'invalid_input',
        { 'lines.0.tenderedFen': 'tendered_short' },
      ],
      [
        await pay([{ method: 'card', amountFen: 5000, tenderedFen: 6000 }]),
        'invalid_input',
        { 'lines.0.tenderedFen': 'cash_only' },
      ],
      [
        await pay([{ method: 'cash', amountFen: -100 }]),
        'invalid_input',
        { 'lines.0.amountFen': 'amount_negative' },
      ],
      [
        await pay([{ method: 'cash', amountFen: 0 }]),
        'invalid_input',
        { 'lines.0.amountFen': 'amount_zero' },
      ],
      [
        await pay([{ method: 'cash', amountFen: 1.5 }]),
        'invalid_input',
        { 'lines.0.amountFen': 'fen_integer' },
      ],
      [await pay([]), 'invalid_input', { lines: 'required' }],
      [await pay([{ method: 'bitcoin', amountFen: 100 }]), 'invalid_input', { 'lines.0.method': 'invalid' }],
    ] as const;
    for (const [result, code, fields] of refusals) {
      expect(result.ok || result.error).toMatchObject({ code, fields });
    }
    store.forceStatus(ticket.id, 'collected');
    const closed = await pay([{ method: 'cash', amountFen: 100 }], 'deposit');
    expect(closed.ok || closed.error).toMatchObject({
      code: 'invalid_transition',
      details: { from: 'collected' },
    });
    expect(totalChanges(store.core)).toBe(before + 1); // only the test's own forceStatus
  });

  it('lets a refund and a discount through only with a supervisor, audits who allowed it, and never refunds more than was paid', async () => {
    const store = await repairStore();
    const { ticket } = await repaired(store);
    value(
      await store.as('clerk')('payments.take', {
        ticket: ticket.id,
        kind: 'deposit',
        lines: [{ method: 'wechat', amountFen: 8000 }],
        note: '',
        idempotencyKey: randomUUID(),
      }),
    );
    const refund = (amountFen: number, method: 'wechat' | 'cash' = 'wechat') => ({
      ticket: ticket.id,
      method,
      amountFen,
      reason: '客户取消部分维修',
      idempotencyKey: randomUUID(),
    });
    // Granting an override writes its own audit entry; the money tables must not move.
    const money = () =>
      store.core.sqlite
        .prepare(
          'SELECT (SELECT count(*) FROM payments) + (SELECT count(*) FROM discounts) + (SELECT count(*) FROM outbox) AS n',
        )
        .get();
    const before = money();
    const alone = await store.as('clerk')('payments.refund', refund(3000));
    expect(alone.ok || alone.error).toMatchObject({ code: 'override_required' });
    const tooMuch = await store.withOverride('clerk')('payments.refund', refund(8001));
    expect(tooMuch.ok || tooMuch.error).toMatchObject({
      code: 'invalid_input',
      fields: { amountFen: 'more_than_paid' },
    });
    const wrongMethod = await store.withOverride('clerk')('payments.refund', refund(100, 'cash'));
    expect(wrongMethod.ok || wrongMethod.error).toMatchObject({ fields: { amountFen: 'more_than_paid' } });
    const discountAlone = await store.as('clerk')('payments.discount', {
      ticket: ticket.id,
      amountFen: 1000,
      reason: '老客户',
      idempotencyKey: randomUUID(),
    });
    expect(discountAlone.ok || discountAlone.error).toMatchObject({ code: 'override_required' });
    const overDiscount = await store.withOverride('clerk')('payments.discount', {
      ticket: ticket.id,
      amountFen: 15001,
      reason: '老客户',
      idempotencyKey: randomUUID(),
    });
    expect(overDiscount.ok || overDiscount.error).toMatchObject({
      fields: { amountFen: 'more_than_charged' },
    });
    expect(money()).toEqual(before);

    // The supervisor allowed ¥10 back: the same PIN does not let ¥30 go.
    const small = refund(1000);
    const { overrideToken } = value(
      await store.as('clerk')('auth.override', {
        supervisorId: store.crew.supervisor.id,
        pin: store.crew.supervisor.pin,
        method: 'payments.refund',
        request: small,
      }),
    );
    const swapped = await rpc(store.core, 'payments.refund', refund(3000), {
      token: store.crew.clerk.token,
      overrideToken,
    });
    expect(swapped.ok || swapped.error).toMatchObject({ code: 'forbidden' });
    expect(money()).toEqual(before);
    const refunded = value(await store.withOverride('clerk')('payments.refund', refund(3000)));
    expect(refunded.entries.at(-1)).toMatchObject({
      kind: 'refund',
      amountFen: 3000,
      staff: { id: store.crew.clerk.id },
      approvedBy: { id: store.crew.supervisor.id },
      note: '客户取消部分维修',
    });
    const discounted = value(
      await store.withOverride('clerk')('payments.discount', {
        ticket: ticket.id,
        amountFen: 1000,
        reason: '老客户',
        idempotencyKey: randomUUID(),
      }),
    );
    expect(discounted).toMatchObject({ discountsFen: 1000, paidFen: 5000, balanceFen: 15000 - 1000 - 5000 });
    const audit = store.core.sqlite
      .prepare(
        "SELECT action, staff_id, override_by FROM audit_log WHERE action IN ('payments.refund', 'payments.discount') ORDER BY at, action",
      )
      .all();
    expect(audit).toEqual([
      { action: 'payments.discount', staff_id: store.crew.clerk.id, override_by: store.crew.supervisor.id },
      { action: 'payments.refund', staff_id: store.crew.clerk.id, override_by: store.crew.supervisor.id },
    ]);
  });
});
