import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { ruleFor, ticketStatuses, type TicketStatus } from '../../shared/ticket-status';
import { totalChanges, value } from '../helpers/core';
import { repairStore } from '../helpers/repair';

type Store = Awaited<ReturnType<typeof repairStore>>;
type Who = 'clerk' | 'tech' | 'supervisor';
const whoIs: Record<Who, Role> = { clerk: 'clerk', tech: 'technician', supervisor: 'supervisor' };

const pairs = ticketStatuses.flatMap((from) => ticketStatuses.map((to) => [from, to] as const));

/*
 * Every pair of statuses through the real server: a ticket is put in `from` (diagnosed, estimate
 * within the limit, so only the rules decide) and `repair.move` is asked to take it to `to`.
 */
describe('repair.move on every pair of statuses', () => {
  let store: Store;
  beforeAll(async () => {
    store = await repairStore();
  });

  const ticketIn = async (from: TicketStatus) => {
    const ticket = await store.take({ estimateFen: 10000, costLimitFen: 20000 });
    store.forceStatus(ticket.id, from, { diagnosis: '主板进水' });
    return { ticket, version: (await store.card(ticket.id)).version };
  };

  it.each(pairs)('%s → %s', async (from, to) => {
    const { ticket, version } = await ticketIn(from);
    const rule = ruleFor(from, to);
    const before = totalChanges(store.core);
    const moveAs = (who: Who) =>
      store.as(who)('repair.move', { ticket: ticket.id, version, to, note: '客户来电要求' });

    if (!rule || rule.via !== 'move') {
      const refused = await moveAs('supervisor');
      expect(refused.ok || refused.error).toMatchObject({
        code: 'invalid_transition',
        details: rule ? { from, to, use: rule.via } : { from, to },
      });
      expect(totalChanges(store.core)).toBe(before);
      return;
    }

    const outsider = (Object.keys(whoIs) as Who[]).find((who) => !rule.by.includes(whoIs[who]));
    if (outsider) {
      const forbidden = await moveAs(outsider);
      expect(forbidden.ok || forbidden.error.code).toBe('forbidden');
      expect(totalChanges(store.core)).toBe(before);
    }
    const who = (Object.keys(whoIs) as Who[]).find((w) => rule.by.includes(whoIs[w])) ?? 'supervisor';
    const moved = value(await moveAs(who));
    expect(moved).toMatchObject({ status: to, version: version + 1 });
    const card = await store.card(ticket.id);
    expect(card.events.at(-1)).toMatchObject({
      action: 'move',
      fromStatus: from,
      toStatus: to,
      note: '客户来电要求',
    });
  });
});

describe('what a move needs', () => {
  it('refuses a move that needs a note without one, and a stale version, writing nothing', async () => {
    const store = await repairStore();
    const ticket = await store.take();
    const { version } = await store.card(ticket.id);
    const before = totalChanges(store.core);
    const noNote = await store.as('clerk')('repair.move', {
      ticket: ticket.id,
      version,
      to: 'on_hold',
      note: '',
    });
    expect(noNote.ok || noNote.error).toMatchObject({ code: 'invalid_input', fields: { note: 'required' } });
    const stale = await store.as('clerk')('repair.move', {
      ticket: ticket.id,
      version: version + 5,
      to: 'on_hold',
      note: 'x',
    });
    expect(stale.ok || stale.error).toMatchObject({
      code: 'changed_meanwhile',
      details: { version, status: 'received' },
    });
    expect(totalChanges(store.core)).toBe(before);
  });

  it('will not resume a job into repair before it is diagnosed, nor past an estimate the customer has not approved', async () => {
    const store = await repairStore();
    const ticket = await store.take({ estimateFen: 50000, costLimitFen: 30000 });
    store.forceStatus(ticket.id, 'on_hold');
    const move = async () =>
      store.as('tech')('repair.move', {
        ticket: ticket.id,
        version: (await store.card(ticket.id)).version,
        to: 'in_repair',
        note: '',
      });
    expect(await move()).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', details: { need: 'diagnosis' } },
    });
    store.forceStatus(ticket.id, 'on_hold', { diagnosis: '电池鼓包' });
    expect(await move()).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_transition',
        details: { need: 'approval', estimateFen: 50000, costLimitFen: 30000 },
      },
    });
    store.forceStatus(ticket.id, 'on_hold', { approved_fen: 50000 });
    expect(await move()).toMatchObject({ ok: true, value: { status: 'in_repair' } });
  });
});

describe('bad input to the repair calls', () => {
  it('is refused at the boundary with a field code, writing nothing', async () => {
    const store = await repairStore();
    const ticket = await store.take();
    const { version } = await store.card(ticket.id);
    const before = totalChanges(store.core);
    const refusals = [
      await store.as('tech')('repair.diagnose', {
        ticket: ticket.id,
        version,
        diagnosis: '坏'.repeat(501),
        estimateFen: 100,
      }),
      await store.as('tech')('repair.diagnose', {
        ticket: ticket.id,
        version,
        diagnosis: '屏坏',
        estimateFen: -1,
      }),
      await store.as('clerk')('repair.move', { ticket: ticket.id, version, to: 'fixed' as never, note: '' }),
      await store.as('clerk')('repair.move', { ticket: 'SH01-1', version, to: 'on_hold', note: 'x' }),
      await store.as('clerk')('repair.move', { ticket: ticket.id, version: 0, to: 'on_hold', note: 'x' }),
      await store.as('tech')('repair.logLabour', { ticket: ticket.id, minutes: 6001, note: '' }),
      await store.as('clerk')('repair.approve', {
        ticket: ticket.id,
        version,
        decision: 'approved',
        method: 'email' as never,
        givenBy: '王伟',
      }),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : [r.error.code, Object.keys(r.error.fields ?? {})]))).toEqual([
      ['invalid_input', ['diagnosis']],
      ['invalid_input', ['estimateFen']],
      ['invalid_input', ['to']],
      ['invalid_input', ['ticket']],
      ['invalid_input', ['version']],
      ['invalid_input', ['minutes']],
      ['invalid_input', ['method']],
    ]);
    expect(totalChanges(store.core)).toBe(before);
  });
});
