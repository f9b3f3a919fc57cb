import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { value } from '../helpers/core';
import { repairStore } from '../helpers/repair';

describe('the repair workflow', () => {
  it('takes a job from intake through dispatch, diagnosis, approval, parts, labour, QC and the supervisor check to ready', async () => {
    const { as, take, card, crew, passTime } = await repairStore();
    const ticket = await take({ costLimitFen: 30000, estimateFen: 20000 });
    let v = (await card(ticket.id)).version;

    v = value(
      await as('supervisor')('repair.assign', {
        ticket: ticket.id,
        version: v,
        technicianId: crew.tech.id,
        note: '',
      }),
    ).version;
    const mine = value(await as('tech')('repair.myJobs', {}));
    expect(mine.mine.map((r) => r.ticketNo)).toEqual([ticket.ticketNo]);

    const diagnosed = value(
      await as('tech')('repair.diagnose', {
        ticket: ticket.id,
        version: v,
        diagnosis: '屏幕排线松动，需更换屏幕总成',
        cause: '跌落',
        estimateFen: 45000,
        next: 'in_repair',
      }),
    );
    expect(diagnosed.status).toBe('awaiting_approval');
    const approved = value(
      await as('clerk')('repair.approve', {
        ticket: ticket.id,
        version: diagnosed.version,
        decision: 'approved',
        method: 'phone',
        givenBy: '王伟',
        next: 'in_repair',
        note: '',
      }),
    );
    expect(approved.status).toBe('in_repair');

    const part = value(
      await as('supervisor')('parts.save', {
        sku: 'SCR-M60',
        name: 'Mate 60 屏幕总成',
        costFen: 30000,
        priceFen: 38000,
        reorderLevel: 1,
      }),
    );
    value(
      await as('clerk')('parts.receive', { requestId: randomUUID(), partId: part.id, quantity: 2, note: '' }),
    );
    const used = value(
      await as('tech')('repair.usePart', {
        requestId: randomUUID(),
        ticket: ticket.id,
        partId: part.id,
        quantity: 1,
        oldPart: 'returned',
      }),
    );
    expect(used.onHand).toBe(1);
    value(await as('tech')('repair.timer', { ticket: ticket.id, running: true, note: '' }));
    await passTime(42 * 60_000);
    const stopped = value(await as('tech')('repair.timer', { ticket: ticket.id, running: false, note: '' }));
    expect(stopped.minutes).toBe(42);

    const finished = value(
      await as('tech')('repair.finish', {
        ticket: ticket.id,
        version: approved.version,
        actionTaken: '更换屏幕总成',
        qcPassed: true,
        note: '',
      }),
    );
    expect(finished.status).toBe('awaiting_check');
    const checked = value(
      await as('supervisor')('repair.check', {
        ticket: ticket.id,
        version: finished.version,
        passed: true,
        note: '',
      }),
    );
    expect(checked.status).toBe('ready');
    const after = await card(ticket.id);
    expect(after.checkedBy?.id).toBe(crew.supervisor.id);
    expect(after.parts.map((p) => [p.sku, p.quantity, p.oldPart])).toEqual([['SCR-M60', 1, 'returned']]);
    expect(after.labourByTechnician).toEqual([
      { technician: { id: crew.tech.id, name: 'technician-2468' }, minutes: 42 },
    ]);
    expect(after.events.map((e) => `${e.action}:${e.toStatus}`)).toEqual([
      'intake:received',
      'assign:received',
      'move:diagnosing',
      'diagnose:awaiting_approval',
      'approve:in_repair',
      'qc:awaiting_check',
      'check:ready',
    ]);
  });
});
