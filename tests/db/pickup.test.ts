import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { totalChanges, value } from '../helpers/core';
import { repairStore } from '../helpers/repair';
import { signaturePng } from '../helpers/signature';

type Store = Awaited<ReturnType<typeof repairStore>>;

/** A ticket checked and ready, with its labour (¥1 a minute at ¥60 an hour) and a ¥50 deposit. */
async function ready(store: Store, minutes = 100) {
  const ticket = await store.take({ deposit: { method: 'cash', amountFen: 5000 } });
  value(await store.as('tech')('repair.logLabour', { ticket: ticket.id, minutes, note: '' }));
  store.forceStatus(ticket.id, 'ready');
  const bill = value(await store.as('clerk')('pickup.find', { code: ticket.ticketNo.toLowerCase() }));
  return { ticket, bill };
}

const pickup = (store: Store, ticket: string, version: number, lines: object[], key = randomUUID()) =>
  store.as('clerk')('pickup.save', {
    ticket,
    version,
    lines: lines as never,
    signature: signaturePng(),
    note: '',
    idempotencyKey: key,
  });

describe('the hand-back', () => {
  it('finds the ticket by its claim receipt and hands it back in one step: paid, signed, receipt voided, custody written', async () => {
    const store = await repairStore();
    const { ticket, bill } = await ready(store);
    const due = value(await store.as('clerk')('payments.bill', { ticket: ticket.id }));
    expect(bill).toMatchObject({
      ticketNo: ticket.ticketNo,
      collectable: true,
      claimReceipt: 'held',
      paidFen: 5000,
    });
    expect(due.balanceFen).toBe(10000 - 5000);

    const key = randomUUID();
    const lines = [{ method: 'cash', amountFen: 5000, tenderedFen: 10000 }];
    const saved = value(await pickup(store, ticket.id, due.version, lines, key));
    expect(saved).toMatchObject({
      ticketNo: ticket.ticketNo,
      receipt: 'returned',
      businessDate: '2026-11-22',
      bill: {
        status: 'collected',
        balanceFen: 0,
        chargesFen: 10000,
        paidFen: 10000,
        claimReceipt: 'returned',
      },
      taken: [{ kind: 'payment', method: 'cash', amountFen: 5000, tenderedFen: 10000, changeFen: 5000 }],
      // The repair's own guarantee: the same fault within the policy's 30 days is repaired free.
      repairWarrantyUntil: addDays('2026-11-22', 30),
      warrantyUntil: null, // no proof of purchase: no 三包 warranty to print
      staff: { id: store.crew.clerk.id },
    });
    expect(saved.signature).toEqual(signaturePng());
    const where = value(await store.as('clerk')('goods.whereIs', { ticket: ticket.id }));
    expect(where.state).toMatchObject({ place: 'with_customer', kind: 'handed_back' });
    const row = store.core.sqlite
      .prepare('SELECT status, claim_void_reason, claim_voided_at, collected_at FROM tickets WHERE id = ?')
      .get(ticket.id);
    expect(row).toEqual({
      status: 'collected',
      claim_void_reason: 'returned',
      claim_voided_at: store.clock.now(),
      collected_at: store.clock.now(),
    });

    // A retry with the same key answers the same voucher and writes nothing; the voucher reprints.
    const before = totalChanges(store.core);
    expect(value(await pickup(store, ticket.id, due.version, lines, key))).toEqual(saved);
    expect(totalChanges(store.core)).toBe(before);
    expect(value(await store.as('clerk')('pickup.voucher', { ticket: ticket.id }))).toEqual(saved);
    // A second hand-back of the same ticket is refused.
    const again = await pickup(store, ticket.id, saved.bill.version, []);
    expect(again.ok || again.error).toMatchObject({
      code: 'invalid_transition',
      details: { from: 'collected' },
    });
  });

  it('gives an excess deposit back the way it came', async () => {
    const store = await repairStore();
    const { ticket, bill } = await ready(store, 40);
    expect(bill.balanceFen).toBe(4000 - 5000);
    const saved = value(await pickup(store, ticket.id, bill.version, []));
    expect(saved.taken).toMatchObject([
      { kind: 'refund', method: 'cash', amountFen: 1000, note: 'deposit_excess', approvedBy: null },
    ]);
    expect(saved.bill).toMatchObject({ balanceFen: 0, paidFen: 4000 });
  });

  it('refuses a hand-back that does not settle, a stale ticket, a missing or false signature, a ticket not ready; nothing is written', async () => {
    const store = await repairStore();
    const { ticket } = await ready(store);
    const { version } = value(await store.as('clerk')('payments.bill', { ticket: ticket.id }));
    const open = await store.take();
    const before = totalChanges(store.core);
    const short = await pickup(store, ticket.id, version, [{ method: 'card', amountFen: 4999 }]);
    expect(short.ok || short.error).toMatchObject({
      code: 'invalid_input',
      fields: { lines: 'must_settle' },
      details: { balanceFen: 5000 },
    });
    const stale = await pickup(store, ticket.id, version - 1, [{ method: 'card', amountFen: 5000 }]);
    expect(stale.ok || stale.error).toMatchObject({ code: 'changed_meanwhile' });
    const unsigned = await store.as('clerk')('pickup.save', {
      ticket: ticket.id,
      version,
      lines: [{ method: 'card', amountFen: 5000 }],
      signature: { mime: 'image/png', data: '' },
      note: '',
      idempotencyKey: randomUUID(),
    });
    expect(unsigned.ok || unsigned.error).toMatchObject({
      fields: { 'signature.data': 'signature_required' },
    });
    const forged = await store.as('clerk')('pickup.save', {
      ticket: ticket.id,
      version,
      lines: [{ method: 'card', amountFen: 5000 }],
      signature: { mime: 'image/png', data: Buffer.from('x'.repeat(200)).toString('base64') },
      note: '',
      idempotencyKey: randomUUID(),
    });
    expect(forged.ok || forged.error).toMatchObject({ fields: { signature: 'invalid' } });
    const notReady = await pickup(store, open.id, 1, []);
    expect(notReady.ok || notReady.error).toMatchObject({
      code: 'invalid_transition',
      details: { from: 'received' },
    });
    const unknown = await store.as('clerk')('pickup.find', { code: 'HELLO' });
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'unknown_code' });
    expect(totalChanges(store.core)).toBe(before);
    // The rules too: repair.move can no longer collect a ticket past the hand-back.
    const bypass = await store.as('clerk')('repair.move', {
      ticket: ticket.id,
      version,
      to: 'collected',
      note: '',
    });
    expect(bypass.ok || bypass.error).toMatchObject({
      code: 'invalid_transition',
      details: { use: 'pickup' },
    });
  });

  it('hands a device over without its lost claim receipt only after a supervisor checked the customer’s identity', async () => {
    const store = await repairStore();
    const { ticket } = await ready(store);
    const lost = {
      ticket: ticket.id,
      document: 'id_card' as const,
      documentTail: '12345X',
      name: '王伟',
      note: '收据丢失',
    };
    const alone = await store.as('clerk')('pickup.lostReceipt', lost);
    expect(alone.ok || alone.error).toMatchObject({ code: 'override_required' });
    const badTail = await store.as('clerk')('pickup.lostReceipt', { ...lost, documentTail: '1' });
    expect(badTail.ok || badTail.error).toMatchObject({ fields: { documentTail: 'document_tail_format' } });
    const checked = value(await store.withOverride('clerk')('pickup.lostReceipt', lost));
    expect(checked.claimReceipt).toBe('lost');
    const audit = store.core.sqlite
      .prepare("SELECT staff_id, override_by, details FROM audit_log WHERE action = 'repair.claim_lost'")
      .get() as { staff_id: string; override_by: string; details: string };
    expect(audit).toMatchObject({ staff_id: store.crew.clerk.id, override_by: store.crew.supervisor.id });
    expect(JSON.parse(audit.details)).toMatchObject({
      document: 'id_card',
      documentTail: '12345X',
      name: '王伟',
    });
    const twice = await store.withOverride('clerk')('pickup.lostReceipt', lost);
    expect(twice.ok || twice.error).toMatchObject({ code: 'invalid_transition' });

    const saved = value(
      await pickup(store, ticket.id, checked.version, [{ method: 'alipay', amountFen: 5000 }]),
    );
    expect(saved).toMatchObject({ receipt: 'lost', bill: { claimReceipt: 'lost' } });
  });
});
