import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tableCounts, value } from '../helpers/core';
import { phoneIntake } from '../helpers/intake';
import { repairStore } from '../helpers/repair';

const hour = 3_600_000;

const phoned = {
  customerName: '赵磊',
  customerPhone: '139 1234 5678',
  categoryId: 'phone',
  brand: 'Huawei',
  model: 'P60',
  fault: '充不进电',
  address: '',
};

describe('repair calls (叫修登记)', () => {
  it('are due an answer within 4 hours, go overdue, and close when the device is taken in', async () => {
    const store = await repairStore();
    const { as } = store;
    const call = value(await as('clerk')('repairCalls.log', { ...phoned, idempotencyKey: randomUUID() }));
    expect(call).toMatchObject({
      customerPhone: '13912345678',
      answerDueAt: store.clock.now() + 4 * hour,
      overdue: false,
      closedAt: null,
      version: 1,
    });
    await store.passTime(5 * hour);
    const [late] = value(await as('clerk')('repairCalls.list', {}));
    expect(late).toMatchObject({ id: call.id, overdue: true });
    const answered = value(
      await as('clerk')('repairCalls.answer', { id: call.id, version: 1, answer: '请明天带机器到店检测' }),
    );
    expect(answered).toMatchObject({ overdue: false, answer: '请明天带机器到店检测', version: 2 });
    // The first answer stands: the deadline is judged by it.
    const twice = await as('clerk')('repairCalls.answer', { id: call.id, version: 2, answer: '改为上门' });
    expect(twice.ok || twice.error.code).toBe('invalid_transition');

    const ticket = value(
      await as('clerk')(
        'tickets.create',
        phoneIntake({
          customer: { name: phoned.customerName, phones: [phoned.customerPhone] },
          reportedFault: phoned.fault,
          repairCallId: call.id,
        }),
      ),
    );
    expect(value(await as('clerk')('repairCalls.list', {}))).toEqual([]);
    const [closed] = value(await as('clerk')('repairCalls.list', { view: 'closed' }));
    expect(closed).toMatchObject({
      closeReason: 'converted',
      ticketId: ticket.id,
      ticketNo: ticket.ticketNo,
    });
    expect(
      store.core.sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'repair_calls'").pluck().get(),
    ).toBe(3); // logged, answered, converted

    // The same call cannot become a second ticket: the intake is refused whole.
    const before = tableCounts(store.core);
    const again = await as('clerk')(
      'tickets.create',
      phoneIntake({
        device: { ...phoneIntake().device, serial: '860000000099999' },
        repairCallId: call.id,
      }),
    );
    expect(again.ok || again.error.code).toBe('changed_meanwhile');
    expect(tableCounts(store.core)).toEqual(before);

    const levels = value(
      await as('supervisor')('reports.run', {
        runId: randomUUID(),
        kind: 'service_levels',
        range: { from: store.today(), to: store.today() },
      }),
    );
    expect(levels.kind === 'service_levels' && levels.levels).toMatchObject({
      repairCalls: 1,
      callsAnsweredOnTime: 0, // answered after 5 hours
      callsConverted: 1,
    });
  });

  it('are cancelled with a reason, refuse bad input and stale versions, and are not for technicians', async () => {
    const store = await repairStore();
    const { as } = store;
    const before = tableCounts(store.core);
    const empty = await as('clerk')('repairCalls.log', {
      ...phoned,
      fault: ' ',
      idempotencyKey: randomUUID(),
    });
    expect(empty.ok || [empty.error.code, empty.error.fields]).toEqual([
      'invalid_input',
      { fault: 'required' },
    ]);
    const unknown = await as('clerk')('repairCalls.log', {
      ...phoned,
      categoryId: 'toaster',
      idempotencyKey: randomUUID(),
    });
    expect(unknown.ok || unknown.error.code).toBe('invalid_input');
    const tech = await as('tech')('repairCalls.list', {});
    expect(tech.ok || tech.error.code).toBe('forbidden');
    expect(tableCounts(store.core)).toEqual(before);

    const key = randomUUID();
    const call = value(await as('clerk')('repairCalls.log', { ...phoned, idempotencyKey: key }));
    expect(value(await as('clerk')('repairCalls.log', { ...phoned, idempotencyKey: key })).id).toBe(call.id);
    const cancelled = value(
      await as('clerk')('repairCalls.cancel', { id: call.id, version: 1, reason: '客户已自行修好' }),
    );
    expect(cancelled).toMatchObject({ closeReason: 'cancelled', ticketId: null });
    const stale = await as('clerk')('repairCalls.answer', { id: call.id, version: 1, answer: '来店' });
    expect(stale.ok || stale.error.code).toBe('changed_meanwhile');
    // Taken in before anyone called back: the intake answers the call, with the ticket's number.
    const walkIn = value(await as('clerk')('repairCalls.log', { ...phoned, idempotencyKey: randomUUID() }));
    const ticket = value(await as('clerk')('tickets.create', phoneIntake({ repairCallId: walkIn.id })));
    expect(value(await as('clerk')('repairCalls.get', { id: walkIn.id }))).toMatchObject({
      answeredAt: store.clock.now(),
      answer: ticket.ticketNo,
      closeReason: 'converted',
    });
    const missing = await as('clerk')('repairCalls.get', { id: randomUUID() });
    expect(missing.ok || missing.error.code).toBe('not_found');
  });
});
