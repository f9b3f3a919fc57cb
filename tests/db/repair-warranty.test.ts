import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { totalChanges, value } from '../helpers/core';
import { phoneIntake } from '../helpers/intake';
import { repairStore } from '../helpers/repair';

type Store = Awaited<ReturnType<typeof repairStore>>;
const day = 24 * 3600_000;

/** A warranty intake of the phone with this serial, bought on `purchaseDate`. */
const warrantyIntake = (store: Store, serial: string, purchaseDate: string) =>
  store.take({
    serviceType: 'C',
    estimateFen: 0,
    device: { ...phoneIntake().device, serial, purchaseDate },
  } as Partial<InputOf<'tickets.create'>>);

/** The whole repair, as the crew does it, and the customer collecting the phone `days` later. */
async function repairAndCollect(store: Store, ticketId: string, days: number) {
  const step = async (work: (version: number) => Promise<{ version: number }>) =>
    work((await store.card(ticketId)).version);
  await step(async (version) =>
    value(
      await store.as('tech')('repair.diagnose', {
        ticket: ticketId,
        version,
        diagnosis: '屏幕闪烁',
        cause: '排线接触不良',
        estimateFen: 0,
        next: 'in_repair',
      }),
    ),
  );
  await step(async (version) =>
    value(
      await store.as('tech')('repair.finish', {
        ticket: ticketId,
        version,
        actionTaken: '重新固定排线',
        qcPassed: true,
        note: '',
      }),
    ),
  );
  await step(async (version) =>
    value(
      await store.as('supervisor')('repair.check', { ticket: ticketId, version, passed: true, note: '' }),
    ),
  );
  await store.passTime(days * day);
  await store.collect(ticketId);
}

describe('三包 outcomes', () => {
  it('offers a replacement after two failed warranty repairs; the replacement is a new unit whose warranty starts that day', async () => {
    const store = await repairStore();
    const serial = '861234567890123';
    for (const _visit of [1, 2]) {
      const ticket = await warrantyIntake(store, serial, '2026-06-01');
      await repairAndCollect(store, ticket.id, 2);
      await store.passTime(10 * day);
    }
    const third = await warrantyIntake(store, serial, '2026-06-01');
    const assessed = value(await store.as('supervisor')('repair.warranty', { ticket: third.id }));
    expect(assessed.outcomes).toContain('replace');
    expect(assessed.failedRepairs).toBe(2);
    expect(assessed.reasons).toContainEqual({ code: 'failed_repairs', count: 2, limit: 2 });
    // Phones: replacement, not refund, after failed repairs.
    expect(assessed.outcomes).not.toContain('refund');

    const { version } = await store.card(third.id);
    const byTech = await store.as('tech')('repair.outcome', {
      ticket: third.id,
      version,
      outcome: 'replace',
      reason: '',
      replacementSerial: '869999999999999',
    });
    expect(byTech.ok || byTech.error.code).toBe('forbidden');
    const refund = await store.as('supervisor')('repair.outcome', {
      ticket: third.id,
      version,
      outcome: 'refund',
      reason: '',
      replacementSerial: '',
    });
    expect(refund.ok || refund.error).toMatchObject({ fields: { reason: 'not_entitled' } });

    const replaced = value(
      await store.as('supervisor')('repair.outcome', {
        ticket: third.id,
        version,
        outcome: 'replace',
        reason: '',
        replacementSerial: '869999999999999',
      }),
    );
    expect(replaced.status).toBe('replaced');
    const card = await store.card(third.id);
    expect(card).toMatchObject({
      outcome: 'replace',
      chargeBasis: 'free',
      replacementSerial: '869999999999999',
    });

    // The new unit comes in 40 days later: its own warranty, from the day of the exchange.
    await store.passTime(40 * day);
    const assessNew = value(
      await store.as('clerk')('tickets.assessWarranty', {
        categoryId: 'phone',
        serial: '869999999999999',
        purchaseDate: null,
        part: '',
        userDamage: false,
      }),
    );
    expect(assessNew).toMatchObject({ warrantyStart: '2026-12-16', suggestedServiceType: 'C' });
  });

  it('offers a replacement once parts have been awaited past the policy’s limit', async () => {
    const store = await repairStore();
    const ticket = await warrantyIntake(store, '861234567890001', '2026-10-01');
    const { version } = await store.card(ticket.id);
    value(
      await store.as('tech')('repair.diagnose', {
        ticket: ticket.id,
        version,
        diagnosis: '主板故障',
        cause: '元件老化',
        estimateFen: 0,
        next: 'awaiting_parts',
      }),
    );
    await store.passTime(30 * day);
    const early = value(await store.as('supervisor')('repair.warranty', { ticket: ticket.id }));
    expect(early.awaitingPartsDays).toBe(30);
    expect(early.reasons.map((r) => r.code)).not.toContain('parts_wait_exceeded');
    await store.passTime(31 * day);
    const late = value(await store.as('supervisor')('repair.warranty', { ticket: ticket.id }));
    expect(late.outcomes).toContain('replace');
    expect(late.reasons).toContainEqual({ code: 'parts_wait_exceeded', days: 61, limit: 60 });
  });

  it('extends the warranty by the days in repair, and a re-repair inside 30 days is free without restarting it', async () => {
    const store = await repairStore();
    const serial = '861234567890002';
    // Bought 2025-12-01: the handset's year runs to 2026-12-01; today is 2026-11-22.
    const first = await warrantyIntake(store, serial, '2025-12-01');
    await repairAndCollect(store, first.id, 10);
    const back = value(
      await store.as('clerk')('tickets.assessWarranty', {
        categoryId: 'phone',
        serial,
        purchaseDate: null,
        part: '',
        userDamage: false,
      }),
    );
    // 10 days in the store: the warranty ends 10 days later.
    expect(back).toMatchObject({ warrantyStart: '2025-12-01', warrantyEnd: '2026-12-11' });

    await store.passTime(25 * day); // 2027-01-01: warranty over, 25 days after the hand-back
    const again = value(
      await store.as('clerk')('tickets.assessWarranty', {
        categoryId: 'phone',
        serial,
        purchaseDate: null,
        part: '',
        userDamage: false,
      }),
    );
    expect(again.outcomes).toEqual(['free_repair']);
    expect(again.reRepairOf).toBe(first.ticketNo);
    expect(again.warrantyStart).toBe('2025-12-01'); // not restarted
  });

  it('needs a reason to reject a claim, and a rejected claim is charged as estimated', async () => {
    const store = await repairStore();
    const ticket = await warrantyIntake(store, '861234567890003', '2026-10-01');
    const { version } = await store.card(ticket.id);
    const before = totalChanges(store.core);
    const bare = await store.as('supervisor')('repair.outcome', {
      ticket: ticket.id,
      version,
      outcome: 'rejected',
      reason: '',
      replacementSerial: '',
    });
    expect(bare.ok || bare.error).toMatchObject({ code: 'invalid_input', fields: { reason: 'required' } });
    expect(totalChanges(store.core)).toBe(before);
    const rejected = value(
      await store.as('supervisor')('repair.outcome', {
        ticket: ticket.id,
        version,
        outcome: 'rejected',
        reason: '机身进水，人为损坏',
        replacementSerial: '',
      }),
    );
    expect(rejected.status).toBe('received');
    expect(await store.card(ticket.id)).toMatchObject({
      outcome: 'rejected',
      outcomeReason: '机身进水，人为损坏',
      chargeBasis: 'estimate',
    });
  });
});
