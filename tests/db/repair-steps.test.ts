import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { totalChanges, value } from '../helpers/core';
import { repairStore } from '../helpers/repair';

type Store = Awaited<ReturnType<typeof repairStore>>;

/** A ticket diagnosed and in repair, assigned to the first technician. */
async function inRepair(store: Store, overrides = {}) {
  const ticket = await store.take(overrides);
  const { version } = await store.card(ticket.id);
  const assigned = value(
    await store.as('supervisor')('repair.assign', {
      ticket: ticket.id,
      version,
      technicianId: store.crew.tech.id,
      note: '',
    }),
  );
  const diagnosed = value(
    await store.as('tech')('repair.diagnose', {
      ticket: ticket.id,
      version: assigned.version,
      diagnosis: 'Battery swollen',
      cause: 'Age',
      estimateFen: 15000,
      next: 'in_repair',
    }),
  );
  return { ticket, version: diagnosed.version };
}

describe('two people on one ticket', () => {
  it('lets the first change win and refuses the second with changed_meanwhile, overwriting nothing', async () => {
    const store = await repairStore();
    const { ticket, version } = await inRepair(store);
    const [first, second] = await Promise.all([
      store.as('tech')('repair.move', { ticket: ticket.id, version, to: 'awaiting_parts', note: '' }),
      store.as('clerk')('repair.move', { ticket: ticket.id, version, to: 'on_hold', note: '客户要求暂停' }),
    ]);
    expect(first).toMatchObject({ ok: true, value: { status: 'awaiting_parts' } });
    expect(second.ok || second.error).toMatchObject({
      code: 'changed_meanwhile',
      details: { status: 'awaiting_parts', version: version + 1 },
    });
    const card = await store.card(ticket.id);
    expect(card.status).toBe('awaiting_parts');
    expect(card.events.filter((e) => e.toStatus === 'on_hold')).toEqual([]);
  });

  it('refuses a stale assignment after a reassignment', async () => {
    const store = await repairStore();
    const ticket = await store.take();
    const { version } = await store.card(ticket.id);
    const assign = (technicianId: string) =>
      store.as('supervisor')('repair.assign', { ticket: ticket.id, version, technicianId, note: '' });
    expect((await assign(store.crew.tech.id)).ok).toBe(true);
    const before = totalChanges(store.core);
    expect(await assign(store.crew.tech2.id)).toMatchObject({
      ok: false,
      error: { code: 'changed_meanwhile' },
    });
    expect(totalChanges(store.core)).toBe(before);
    expect((await store.card(ticket.id)).assignedTo?.id).toBe(store.crew.tech.id);
  });
});

describe('dispatch (派工)', () => {
  it('lets a technician claim an unassigned job by scanning its number, once, and never someone else’s', async () => {
    const store = await repairStore();
    const ticket = await store.take();
    const claimed = value(await store.as('tech')('repair.claim', { ticket: ticket.ticketNo.toLowerCase() }));
    expect(claimed).toMatchObject({ ticketNo: ticket.ticketNo, version: 2, already: false });
    const again = value(await store.as('tech')('repair.claim', { ticket: ticket.ticketNo }));
    expect(again).toMatchObject({ version: 2, already: true });
    const taken = await store.as('tech2')('repair.claim', { ticket: ticket.ticketNo });
    expect(taken.ok || taken.error).toMatchObject({ code: 'conflict', details: { reason: 'assigned' } });
    expect(await store.as('tech')('repair.claim', { ticket: '6901234567890' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_code' },
    });
    expect(await store.as('clerk')('repair.claim', { ticket: ticket.ticketNo })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const mine = value(await store.as('tech')('repair.myJobs', {}));
    expect(mine.mine.map((row) => row.ticketNo)).toEqual([ticket.ticketNo]);
  });

  it('assigns only active technicians, and only supervisors assign', async () => {
    const store = await repairStore();
    const ticket = await store.take();
    const { version } = await store.card(ticket.id);
    const toClerk = await store.as('supervisor')('repair.assign', {
      ticket: ticket.id,
      version,
      technicianId: store.crew.clerk.id,
      note: '',
    });
    expect(toClerk.ok || toClerk.error).toMatchObject({ fields: { technicianId: 'not_a_technician' } });
    const byTech = await store.as('tech')('repair.assign', {
      ticket: ticket.id,
      version,
      technicianId: store.crew.tech.id,
      note: '',
    });
    expect(byTech.ok || byTech.error.code).toBe('forbidden');
  });
});

describe('approval', () => {
  it('sends a declined estimate back unrepaired with the diagnosis fee, and hands the device back on collection', async () => {
    const store = await repairStore();
    const ticket = await store.take({ costLimitFen: 10000, diagnosisFeeFen: 3000 });
    const { version } = await store.card(ticket.id);
    const waiting = value(
      await store.as('tech')('repair.diagnose', {
        ticket: ticket.id,
        version,
        diagnosis: '主板短路',
        cause: '进水',
        estimateFen: 60000,
        next: 'in_repair',
      }),
    );
    expect(waiting.status).toBe('awaiting_approval');
    const declined = value(
      await store.as('clerk')('repair.approve', {
        ticket: ticket.id,
        version: waiting.version,
        decision: 'declined',
        method: 'in_person',
        givenBy: '王伟',
        next: 'in_repair',
        note: '太贵了',
      }),
    );
    expect(declined.status).toBe('returned_unrepaired');
    const card = await store.card(ticket.id);
    expect(card).toMatchObject({ chargeBasis: 'diagnosis_fee', diagnosisFeeFen: 3000, approvedFen: null });
    expect(card.approvals).toMatchObject([
      { decision: 'declined', method: 'in_person', givenBy: '王伟', amountFen: 60000 },
    ]);

    expect(declined.version).toBeGreaterThan(0);
    await store.collect(ticket.id);
    const where = value(await store.as('clerk')('goods.whereIs', { ticket: ticket.id }));
    expect(where.state).toMatchObject({ place: 'with_customer', kind: 'handed_back' });
    expect((await store.card(ticket.id)).handedBackAt).toBe(store.clock.now());
  });

  it('asks again when a new estimate goes over what the customer approved', async () => {
    const store = await repairStore();
    const { ticket, version } = await inRepair(store, { costLimitFen: 20000 });
    const again = value(
      await store.as('tech')('repair.diagnose', {
        ticket: ticket.id,
        version,
        diagnosis: 'Battery swollen; the board is damaged too',
        cause: 'Age',
        estimateFen: 45000,
        next: 'in_repair',
      }),
    );
    expect(again.status).toBe('awaiting_approval');
  });
});

describe('the repair card', () => {
  it('keeps labour per technician, with reversals, and parts fitted once per request', async () => {
    const store = await repairStore();
    const { ticket } = await inRepair(store);
    const part = value(
      await store.as('supervisor')('parts.save', {
        sku: 'BAT-M60',
        name: 'Mate 60 电池',
        costFen: 8000,
        priceFen: 12000,
      }),
    );
    value(
      await store.as('clerk')('parts.receive', {
        requestId: randomUUID(),
        partId: part.id,
        quantity: 1,
        note: '',
      }),
    );
    const requestId = randomUUID();
    const fit = () =>
      store.as('tech')('repair.usePart', {
        requestId,
        ticket: ticket.id,
        partId: part.id,
        quantity: 1,
        oldPart: 'kept',
      });
    const first = value(await fit());
    expect(value(await fit())).toEqual(first); // a double click fits one part
    const short = await store.as('tech')('repair.usePart', {
      requestId: randomUUID(),
      ticket: ticket.id,
      partId: part.id,
      quantity: 1,
      oldPart: 'kept',
    });
    expect(short.ok || short.error).toMatchObject({
      code: 'conflict',
      fields: { quantity: 'insufficient_stock' },
    });

    const logged = value(
      await store.as('tech')('repair.logLabour', { ticket: ticket.id, minutes: 30, note: '拆机' }),
    );
    value(
      await store.as('supervisor')('repair.logLabour', {
        ticket: ticket.id,
        minutes: 15,
        technicianId: store.crew.tech2.id,
        note: '',
      }),
    );
    const forOther = await store.as('tech')('repair.logLabour', {
      ticket: ticket.id,
      minutes: 15,
      technicianId: store.crew.tech2.id,
      note: '',
    });
    expect(forOther.ok || forOther.error.code).toBe('forbidden');
    value(
      await store.as('supervisor')('repair.reverseLabour', { entryId: logged.entryId, reason: '记错工单' }),
    );
    const twice = await store.as('supervisor')('repair.reverseLabour', {
      entryId: logged.entryId,
      reason: 'again',
    });
    expect(twice.ok || twice.error).toMatchObject({
      code: 'conflict',
      details: { reason: 'already_reversed' },
    });

    // A price rise after fitting does not change what this repair charges.
    value(
      await store.as('supervisor')('parts.save', {
        id: part.id,
        sku: 'BAT-M60',
        name: 'Mate 60 电池',
        costFen: 9000,
        priceFen: 15000,
      }),
    );
    const card = await store.card(ticket.id);
    expect(card.parts).toMatchObject([{ sku: 'BAT-M60', quantity: 1, oldPart: 'kept', priceFen: 12000 }]);
    expect(card.labourByTechnician).toEqual([
      { technician: { id: store.crew.tech2.id, name: 'technician-3579' }, minutes: 15 },
    ]);
    expect(card.labour.map((l) => [l.minutes, l.source, l.reversed])).toEqual([
      [30, 'manual', true],
      [15, 'manual', false],
      [-30, 'reversal', false],
    ]);
    expect(() => store.core.sqlite.prepare('DELETE FROM labour_entries').run()).toThrow(/append-only/);
  });

  it('keeps a failed QC in repair, needs the supervisor for the check, and a note for a failed check', async () => {
    const store = await repairStore();
    const { ticket, version } = await inRepair(store);
    value(await store.as('tech')('repair.timer', { ticket: ticket.id, running: true, note: '' }));
    const failedQc = value(
      await store.as('tech')('repair.finish', {
        ticket: ticket.id,
        version,
        actionTaken: '更换电池',
        qcPassed: false,
        note: '充电仍异常',
      }),
    );
    expect(failedQc.status).toBe('in_repair');
    await store.passTime(25 * 60_000);
    const passed = value(
      await store.as('tech')('repair.finish', {
        ticket: ticket.id,
        version: failedQc.version,
        actionTaken: '更换电池及尾插',
        qcPassed: true,
        note: '',
      }),
    );
    expect(passed.status).toBe('awaiting_check');
    const techCheck = await store.as('tech')('repair.check', {
      ticket: ticket.id,
      version: passed.version,
      passed: true,
      note: '',
    });
    expect(techCheck.ok || techCheck.error.code).toBe('forbidden');
    const noNote = await store.as('supervisor')('repair.check', {
      ticket: ticket.id,
      version: passed.version,
      passed: false,
      note: '',
    });
    expect(noNote.ok || noNote.error.fields).toEqual({ note: 'required' });
    const back = value(
      await store.as('supervisor')('repair.check', {
        ticket: ticket.id,
        version: passed.version,
        passed: false,
        note: '外壳有划痕',
      }),
    );
    expect(back.status).toBe('in_repair');
    const card = await store.card(ticket.id);
    expect(card.checks.map((c) => [c.kind, c.passed])).toEqual([
      ['qc', false],
      ['qc', true],
      ['supervisor', false],
    ]);
    expect(card.checkedBy).toBeNull();
    expect(card.timers).toEqual([]); // finishing stopped the running timer into an entry
    expect(card.labour).toMatchObject([{ source: 'timer', minutes: 25 }]);
  });
});

describe('labour timers', () => {
  it('stop when the job leaves the bench, so a weekend on hold is not labour', async () => {
    const store = await repairStore();
    const { ticket, version } = await inRepair(store);
    value(await store.as('tech')('repair.timer', { ticket: ticket.id, running: true, note: '' }));
    await store.passTime(20 * 60_000);
    value(
      await store.as('clerk')('repair.move', {
        ticket: ticket.id,
        version,
        to: 'on_hold',
        note: '等客户回电',
      }),
    );
    await store.passTime(2 * 24 * 3600_000);
    const stopped = value(
      await store.as('tech')('repair.timer', { ticket: ticket.id, running: false, note: '' }),
    );
    expect(stopped).toEqual({ running: false, minutes: 0 }); // nothing was running any more
    const card = await store.card(ticket.id);
    expect(card.timers).toEqual([]);
    expect(card.labour).toMatchObject([{ source: 'timer', minutes: 20 }]);
  });
});

describe('vendor repairs', () => {
  it('sends a job out in one step, lists it per vendor, and brings it back to the supervisor’s check', async () => {
    const store = await repairStore();
    const { ticket, version } = await inRepair(store);
    const out = value(
      await store.as('clerk')('repair.toVendor', {
        ticket: ticket.id,
        version,
        vendor: '华为售后中心',
        rmaNo: 'RMA-2026-118',
        expectedBack: '2026-12-05',
        note: '',
      }),
    );
    expect(out.status).toBe('at_vendor');
    const atVendor = value(await store.as('clerk')('goods.atVendor', {}));
    expect(atVendor.byLocation).toMatchObject([{ location: '华为售后中心', count: 1 }]);
    expect(atVendor.rows[0]).toMatchObject({ ticketNo: ticket.ticketNo, details: { rmaNo: 'RMA-2026-118' } });

    await store.passTime(3 * 24 * 3600_000);
    const back = value(
      await store.as('clerk')('repair.fromVendor', {
        ticket: ticket.id,
        version: out.version,
        result: 'repaired',
        note: '',
      }),
    );
    expect(back.status).toBe('awaiting_check');
    const card = await store.card(ticket.id);
    expect(card.vendorTrips).toEqual([
      {
        vendor: '华为售后中心',
        rmaNo: 'RMA-2026-118',
        sentAt: store.clock.now() - 3 * 24 * 3600_000,
        expectedBack: '2026-12-05',
        returnedAt: store.clock.now(),
      },
    ]);
    expect(value(await store.as('clerk')('goods.whereIs', { ticket: ticket.id })).state?.place).toBe(
      'on_premises',
    );
  });

  it('sends no paid job over the customer’s limit to a vendor before they approve it', async () => {
    const store = await repairStore();
    const ticket = await store.take({ estimateFen: 20000, costLimitFen: 10000 });
    const { version } = await store.card(ticket.id);
    const before = totalChanges(store.core);
    const out = await store.as('clerk')('repair.toVendor', {
      ticket: ticket.id,
      version,
      vendor: '华为售后中心',
      rmaNo: 'RMA-7',
      note: '',
    });
    expect(out.ok || out.error).toMatchObject({ code: 'invalid_transition', details: { need: 'approval' } });
    expect(totalChanges(store.core)).toBe(before);
  });

  it('refuses to send out a device that is not in the store, writing nothing', async () => {
    const store = await repairStore();
    const { ticket, version } = await inRepair(store);
    value(
      await store.as('clerk')('goods.move', {
        ticket: ticket.ticketNo,
        kind: 'transfer_out',
        otherStore: 'SH02',
      }),
    );
    const before = totalChanges(store.core);
    const out = await store.as('clerk')('repair.toVendor', {
      ticket: ticket.id,
      version,
      vendor: '华为售后中心',
      rmaNo: 'RMA-1',
      note: '',
    });
    expect(out.ok || out.error.code).toBe('wrong_place');
    expect(totalChanges(store.core)).toBe(before);
  });

  it('keeps custody and status in step: the goods screens alone do not move a customer’s device out or back', async () => {
    const store = await repairStore();
    const { ticket, version } = await inRepair(store);
    const before = totalChanges(store.core);
    for (const [kind, use] of [
      ['handed_back', 'pickup.save'],
      ['to_vendor', 'repair.toVendor'],
    ] as const) {
      const moved = await store.as('clerk')('goods.move', {
        ticket: ticket.ticketNo,
        kind,
        vendor: 'X',
        rmaNo: 'R',
      });
      expect(moved.ok || moved.error).toMatchObject({
        code: 'invalid_transition',
        details: { from: 'in_repair', use },
      });
    }
    expect(totalChanges(store.core)).toBe(before);

    const out = value(
      await store.as('clerk')('repair.toVendor', {
        ticket: ticket.id,
        version,
        vendor: '华为',
        rmaNo: 'R-9',
        note: '',
      }),
    );
    const sent = value(await store.as('clerk')('goods.whereIs', { ticket: ticket.id })).state;
    const undo = await store.as('supervisor')('goods.reverse', {
      entryId: sent?.entryId ?? '',
      reason: '送错了',
    });
    expect(undo.ok || undo.error).toMatchObject({
      code: 'invalid_transition',
      details: { use: 'repair.toVendor' },
    });
    expect(out.status).toBe('at_vendor');
  });

  it('hands the old unit of a replacement to no one: the customer collects the new one', async () => {
    const store = await repairStore();
    const ticket = await store.take();
    store.forceStatus(ticket.id, 'replaced', { outcome: 'replace' });
    await store.collect(ticket.id);
    expect(value(await store.as('clerk')('goods.whereIs', { ticket: ticket.id })).state?.place).toBe(
      'on_premises',
    );
    // The store's own now: the goods screens may send it to the manufacturer.
    const back = await store.as('clerk')('goods.move', {
      ticket: ticket.ticketNo,
      kind: 'to_vendor',
      vendor: '华为',
      rmaNo: 'R-1',
    });
    expect(back).toMatchObject({ ok: true, value: { place: 'at_vendor' } });
  });
});

describe('promised dates', () => {
  it('moves the promise of open work with a reason, never into the past, and the board follows', async () => {
    const store = await repairStore();
    const ticket = await store.take();
    const { version } = await store.card(ticket.id);
    const before = totalChanges(store.core);
    const past = await store.as('clerk')('repair.promise', {
      ticket: ticket.id,
      version,
      promisedDate: '2026-11-21',
      note: '配件延迟',
    });
    expect(past.ok || past.error).toMatchObject({
      code: 'invalid_input',
      fields: { promisedDate: 'date_in_past' },
    });
    expect(totalChanges(store.core)).toBe(before);
    value(
      await store.as('clerk')('repair.promise', {
        ticket: ticket.id,
        version,
        promisedDate: '2026-12-10',
        note: '配件延迟',
      }),
    );
    const card = await store.card(ticket.id);
    expect(card.events.at(-1)).toMatchObject({
      action: 'promise',
      note: '配件延迟',
      details: { from: '2026-11-25', to: '2026-12-10' },
    });
    await store.passTime(5 * 24 * 3600_000);
    expect(value(await store.as('clerk')('repair.board', { view: 'status' })).overdue).toBe(0);
  });
});

describe('the board', () => {
  it('puts urgent work first in every page, however late its due date', async () => {
    const store = await repairStore();
    for (const due of ['2026-11-23', '2026-11-24', '2026-11-25']) await store.take({ promisedDate: due });
    const urgent = await store.take({ priority: 'urgent', promisedDate: '2026-12-20' });
    for (const view of [{ status: 'received' as const }, {}]) {
      const page = value(await store.as('supervisor')('repair.board', { view: 'status', limit: 2, ...view }));
      expect(page.rows.map((r) => [r.ticketNo, r.promisedDate])).toEqual([
        [urgent.ticketNo, '2026-12-20'],
        [expect.any(String), '2026-11-23'],
      ]);
    }
  });

  it('counts open work per status, overdue, stalled and unassigned, and lists my jobs urgent first', async () => {
    const store = await repairStore();
    const normal = await store.take();
    const urgent = await store.take({ priority: 'urgent' });
    const later = await store.take();
    for (const ticket of [normal, urgent]) {
      value(await store.as('tech')('repair.claim', { ticket: ticket.ticketNo }));
    }
    const board = () => store.as('supervisor')('repair.board', { view: 'status' }).then(value);
    expect(await board()).toMatchObject({ counts: { received: 3 }, overdue: 0, stalled: 0, unassigned: 1 });
    expect(value(await store.as('tech')('repair.myJobs', {})).mine.map((r) => r.ticketNo)).toEqual([
      urgent.ticketNo,
      normal.ticketNo,
    ]);

    await store.passTime(4 * 24 * 3600_000); // past the promised date (3 days) and the 48-hour stall
    const { version } = await store.card(later.id);
    value(await store.as('tech')('repair.move', { ticket: later.id, version, to: 'diagnosing', note: '' }));
    const after = await board();
    expect(after).toMatchObject({ counts: { received: 2, diagnosing: 1 }, overdue: 3, stalled: 2 });
    const stalled = value(await store.as('supervisor')('repair.board', { view: 'stalled' }));
    expect(stalled.rows.map((r) => r.ticketNo).sort()).toEqual([normal.ticketNo, urgent.ticketNo].sort());
    expect(stalled.rows.every((r) => r.stalled && r.overdue && r.daysInStage === 4)).toBe(true);
    const unassigned = value(await store.as('supervisor')('repair.board', { view: 'unassigned' }));
    expect(unassigned.rows).toMatchObject([
      { ticketNo: later.ticketNo, status: 'diagnosing', daysInStage: 0 },
    ]);
  });
});
