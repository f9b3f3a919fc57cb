import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampled } from '../../electron/core/quality/followups.service';
import { value } from '../helpers/core';
import { repairStore } from '../helpers/repair';

const hour = 3_600_000;
const key = () => randomUUID();

/** A store that calls back every hand-back, with one repaired phone handed back by `tech`. */
async function calledBack(share = 100) {
  const store = await repairStore();
  value(await store.as('supervisor')('settings.update', { followUpSharePercent: share }));
  const ticket = await store.take();
  store.forceStatus(ticket.id, 'in_repair');
  value(await store.as('tech2')('repair.logLabour', { ticket: ticket.id, minutes: 20 }));
  value(await store.as('tech')('repair.logLabour', { ticket: ticket.id, minutes: 90 }));
  store.forceStatus(ticket.id, 'ready');
  await store.collect(ticket.id);
  const rows = (sql: string, ...params: unknown[]) => store.core.sqlite.prepare(sql).all(...params);
  return { ...store, ticket, rows };
}

describe('follow-up calls (回访)', () => {
  it('are due after a hand-back, for the store’s share of repairs, rated for the technician who did the work', async () => {
    const store = await calledBack();
    const queue = value(await store.as('clerk')('followups.queue', {}));
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      reason: 'sampled',
      ticketNo: store.ticket.ticketNo,
      customerName: '王伟',
      customerPhone: '13800138000',
      dueAt: store.clock.now() + 72 * hour,
      overdue: false,
      attempts: 0,
    });
    // The technician with the most labour, not whoever opened the ticket or logged last.
    expect(store.rows('SELECT technician_id FROM follow_ups')).toEqual([
      { technician_id: store.crew.tech.id },
    ]);
    // Ratings are the callers' and supervisors': the technician rated never reads them here.
    const asTech = await store.as('tech')('followups.queue', {});
    expect(asTech.ok || asTech.error.code).toBe('forbidden');
    await store.passTime(73 * hour);
    expect(value(await store.as('clerk')('followups.queue', { view: 'overdue' }))).toHaveLength(1);
  });

  it('calls back every 三包 replacement and none of the ordinary repairs when the share is 0', async () => {
    const store = await calledBack(0);
    expect(store.rows('SELECT * FROM follow_ups')).toEqual([]);
    const replaced = await store.take();
    store.forceStatus(replaced.id, 'replaced', { outcome: 'replace' });
    await store.collect(replaced.id);
    expect(store.rows('SELECT reason, ticket_id FROM follow_ups')).toEqual([
      { reason: 'warranty', ticket_id: replaced.id },
    ]);
  });

  it('samples by ticket: the same ticket always, and about the share over many', () => {
    const ids = Array.from({ length: 4000 }, () => randomUUID());
    const share = ids.filter((id) => sampled(id, 30)).length / ids.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
    expect(ids.slice(0, 50).map((id) => sampled(id, 30))).toEqual(
      ids.slice(0, 50).map((id) => sampled(id, 30)),
    );
    expect(ids.some((id) => sampled(id, 0))).toBe(false);
    expect(ids.every((id) => sampled(id, 100))).toBe(true);
  });

  it('records calls: not reached stays in the queue; reached and satisfied closes it; dissatisfied opens a complaint', async () => {
    const store = await calledBack();
    const [followUp] = value(await store.as('clerk')('followups.queue', {}));
    if (!followUp) throw new Error('no follow-up');
    const missed = value(
      await store.as('clerk')('followups.record', {
        followUpId: followUp.id,
        reached: false,
        idempotencyKey: key(),
      }),
    );
    expect(missed).toMatchObject({ complaintId: null, followUp: { attempts: 1, closedAt: null } });
    const callKey = key();
    const call = {
      followUpId: followUp.id,
      reached: true,
      satisfaction: 2,
      comment: '屏幕又闪了',
      idempotencyKey: callKey,
    };
    const unhappy = value(await store.as('clerk')('followups.record', call));
    expect(unhappy.followUp).toMatchObject({ attempts: 2, closedAt: store.clock.now() });
    expect(unhappy.complaintId).not.toBeNull();
    // The same call again (a retry after a lost answer) is the same call, the same complaint.
    expect(value(await store.as('clerk')('followups.record', call))).toEqual(unhappy);
    const reused = await store.as('clerk')('followups.record', { ...call, satisfaction: 1 });
    expect(reused.ok || reused.error.code).toBe('conflict');
    const board = value(await store.as('clerk')('complaints.board', {}));
    expect(board.open).toHaveLength(1);
    expect(board.open[0]).toMatchObject({
      id: unhappy.complaintId,
      source: 'follow_up',
      ticketNo: store.ticket.ticketNo,
      customerName: '王伟',
    });
    expect(board.open[0]?.summary).toContain('屏幕又闪了');
    expect(store.rows('SELECT reached, satisfaction FROM follow_up_calls ORDER BY at, reached')).toEqual([
      { reached: 0, satisfaction: null },
      { reached: 1, satisfaction: 2 },
    ]);
    // Closed: no more calls on it.
    const again = await store.as('clerk')('followups.record', { ...call, idempotencyKey: key() });
    expect(again.ok || again.error.code).toBe('invalid_transition');
  });

  it('takes the three-level answer on the same scale, and refuses a rating that does not fit the call; nothing is written', async () => {
    const store = await calledBack();
    const [followUp] = value(await store.as('clerk')('followups.queue', {}));
    if (!followUp) throw new Error('no follow-up');
    const before = store.rows('SELECT count(*) AS n FROM follow_up_calls');
    const bad = [
      { followUpId: followUp.id, reached: true, idempotencyKey: key() },
      { followUpId: followUp.id, reached: false, satisfaction: 4, idempotencyKey: key() },
      {
        followUpId: followUp.id,
        reached: true,
        satisfaction: 4,
        level: 'satisfied' as const,
        idempotencyKey: key(),
      },
      { followUpId: followUp.id, reached: true, satisfaction: 6, idempotencyKey: key() },
      { followUpId: randomUUID(), reached: true, satisfaction: 4, idempotencyKey: key() },
    ];
    for (const input of bad) {
      const refused = await store.as('clerk')('followups.record', input);
      expect(refused.ok || refused.error.code).toMatch(/invalid_input|not_found/);
    }
    expect(store.rows('SELECT count(*) AS n FROM follow_up_calls')).toEqual(before);
    const fair = value(
      await store.as('clerk')('followups.record', {
        followUpId: followUp.id,
        reached: true,
        level: 'fairly_satisfied',
        idempotencyKey: key(),
      }),
    );
    expect(fair.complaintId).toBeNull();
    expect(store.rows('SELECT satisfaction FROM follow_up_calls')).toEqual([{ satisfaction: 3 }]);
  });
});

describe('complaints (投诉)', () => {
  it('run from logging to the customer’s acceptance, with deadlines, escalation, an owner and every step on record', async () => {
    const store = await calledBack(0);
    const logged = value(
      await store.as('clerk')('complaints.log', {
        ticketNo: store.ticket.ticketNo.toLowerCase(),
        source: 'call',
        severity: 'high',
        customerName: '王伟',
        customerPhone: '138 0013 8000',
        summary: '取机后第二天又黑屏',
        idempotencyKey: key(),
      }),
    );
    const now = store.clock.now();
    expect(logged).toMatchObject({
      ticketNo: store.ticket.ticketNo,
      customerPhone: '13800138000',
      replyDueAt: now + 24 * hour,
      resolveDueAt: now + 30 * 24 * hour,
      escalated: false,
      owner: null,
      version: 1,
    });
    const clerkAssigns = await store.as('clerk')('complaints.assign', {
      id: logged.id,
      version: 1,
      ownerId: store.crew.supervisor.id,
    });
    expect(clerkAssigns.ok || clerkAssigns.error.code).toBe('forbidden');
    const assigned = value(
      await store.as('supervisor')('complaints.assign', {
        id: logged.id,
        version: 1,
        ownerId: store.crew.supervisor.id,
      }),
    );
    expect(assigned.owner?.id).toBe(store.crew.supervisor.id);

    await store.passTime(25 * hour); // no reply within 24 hours
    expect(value(await store.as('clerk')('complaints.board', {})).open[0]?.escalated).toBe(true);
    const early = await store.as('supervisor')('complaints.resolve', {
      id: logged.id,
      version: 2,
      resolution: '换屏',
    });
    expect(early.ok || early.error).toMatchObject({
      code: 'invalid_transition',
      fields: { resolution: 'reply_first' },
    });
    const stale = await store.as('clerk')('complaints.reply', { id: logged.id, version: 1, reply: '已致电' });
    expect(stale.ok || stale.error.code).toBe('changed_meanwhile');
    const replied = value(
      await store.as('clerk')('complaints.reply', { id: logged.id, version: 2, reply: '已致电，约明天来店' }),
    );
    expect(replied).toMatchObject({ repliedAt: store.clock.now(), escalated: false });
    const resolved = value(
      await store.as('supervisor')('complaints.resolve', {
        id: logged.id,
        version: 3,
        resolution: '免费更换屏幕排线',
      }),
    );
    expect(resolved.resolvedAt).toBe(store.clock.now());
    // A resolved complaint is called back too.
    expect(store.rows('SELECT reason, complaint_id, ticket_id FROM follow_ups')).toEqual([
      { reason: 'complaint', complaint_id: logged.id, ticket_id: store.ticket.id },
    ]);
    const accepted = value(
      await store.as('clerk')('complaints.accept', {
        id: logged.id,
        version: 4,
        accepted: true,
        note: '满意',
      }),
    );
    expect(accepted.acceptance).toBe('accepted');
    const board = value(await store.as('clerk')('complaints.board', {}));
    expect([board.open.length, board.resolved.map((c) => c.id)]).toEqual([0, [logged.id]]);
    expect(store.rows('SELECT kind FROM complaint_events ORDER BY at, rowid')).toEqual(
      ['logged', 'assigned', 'replied', 'resolved', 'accepted'].map((kind) => ({ kind })),
    );
    // Every step is store data headquarters receives.
    const synced = store.rows(
      "SELECT DISTINCT entity FROM outbox WHERE entity IN ('complaints', 'complaint_events', 'follow_ups') ORDER BY entity",
    );
    expect(synced).toEqual([
      { entity: 'complaint_events' },
      { entity: 'complaints' },
      { entity: 'follow_ups' },
    ]);
  });

  it('refuses an unknown ticket or owner, and a reused key, changing nothing', async () => {
    const store = await calledBack(0);
    const base = {
      source: 'counter' as const,
      customerName: '李娜',
      customerPhone: '13900000000',
      summary: '等太久',
      idempotencyKey: key(),
    };
    const unknownTicket = await store.as('clerk')('complaints.log', {
      ...base,
      ticketNo: 'SH01-000000-0000',
    });
    expect(unknownTicket.ok || unknownTicket.error).toMatchObject({
      code: 'not_found',
      fields: { ticketNo: 'unknown_ticket' },
    });
    const unknownOwner = await store.as('clerk')('complaints.log', { ...base, ownerId: randomUUID() });
    expect(unknownOwner.ok || unknownOwner.error.code).toBe('not_found');
    const badPhone = await store.as('clerk')('complaints.log', { ...base, customerPhone: '12' });
    expect(badPhone.ok || badPhone.error.code).toBe('invalid_input');
    expect(store.rows('SELECT count(*) AS n FROM complaints')).toEqual([{ n: 0 }]);
    value(await store.as('clerk')('complaints.log', base));
    const reused = await store.as('clerk')('complaints.log', { ...base, summary: '别的事' });
    expect(reused.ok || reused.error.code).toBe('conflict');
    expect(store.rows('SELECT count(*) AS n FROM complaints')).toEqual([{ n: 1 }]);
  });
});
