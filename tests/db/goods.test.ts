import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { rpc, totalChanges, value } from '../helpers/core';
import { goodsStore as store } from '../helpers/goods';

describe('moving a device', () => {
  it('follows a device from intake through the shelf, the workshop and a vendor back to its owner', async () => {
    const { take, move, where, core } = await store();
    const ticket = await take('865432109876543');
    expect((await where(ticket.ticketNo)).state).toMatchObject({ place: 'on_premises', location: 'counter' });

    value(await move({ ticket: ticket.ticketNo, kind: 'to_shelf', location: 'B-02' }));
    value(await move({ ticket: ticket.id, kind: 'to_workshop' }));
    const out = value(
      await move({
        ticket: ticket.ticketNo,
        kind: 'to_vendor',
        vendor: '华为授权服务中心',
        rmaNo: 'RMA-2026-0001',
        expectedBack: '2026-12-01',
      }),
    );
    expect(out).toMatchObject({
      place: 'at_vendor',
      location: '华为授权服务中心',
      details: { vendor: '华为授权服务中心', rmaNo: 'RMA-2026-0001', expectedBack: '2026-12-01' },
    });
    value(await move({ ticket: ticket.ticketNo, kind: 'from_vendor' }));
    value(await move({ ticket: ticket.ticketNo, kind: 'handed_back' }));

    const { state, trail } = await where(ticket.ticketNo);
    expect(state).toMatchObject({ place: 'with_customer', kind: 'handed_back' });
    expect(trail.map((row) => row.kind)).toEqual([
      'received',
      'to_shelf',
      'to_workshop',
      'to_vendor',
      'from_vendor',
      'handed_back',
    ]);
    expect(trail.every((row) => row.ticketNo === ticket.ticketNo && row.customerName === '王伟')).toBe(true);
    // Each movement is audited and queued for headquarters.
    const audited = core.sqlite
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'goods.%' ORDER BY at, id")
      .pluck()
      .all();
    expect(audited).toEqual([
      'goods.to_shelf',
      'goods.to_workshop',
      'goods.to_vendor',
      'goods.from_vendor',
      'goods.handed_back',
    ]);
    expect(
      core.sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'custody_movements'").pluck().get(),
    ).toBe(6);
  });

  it('refuses to move a device that is not where the movement starts, writing nothing', async () => {
    const { take, move, core } = await store();
    const ticket = await take('865432109876543');
    value(await move({ ticket: ticket.ticketNo, kind: 'handed_back' }));
    for (const input of [
      { ticket: ticket.ticketNo, kind: 'handed_back' }, // handing back twice
      { ticket: ticket.ticketNo, kind: 'to_shelf', location: 'A-01' },
      { ticket: ticket.ticketNo, kind: 'from_vendor' }, // it was never sent
    ] as const) {
      const before = totalChanges(core);
      const result = await move(input);
      expect(result.ok || result.error).toMatchObject({
        code: 'wrong_place',
        details: { place: 'with_customer' },
      });
      expect(totalChanges(core)).toBe(before);
    }
  });

  it('refuses a movement without what its kind needs, and unknown or foreign barcodes', async () => {
    const { take, move, core } = await store();
    const ticket = await take('865432109876543');
    const before = totalChanges(core);
    const cases: [InputOf<'goods.move'>, string, Record<string, string> | undefined][] = [
      [{ ticket: ticket.ticketNo, kind: 'to_shelf' }, 'invalid_input', { location: 'required' }],
      [
        { ticket: ticket.ticketNo, kind: 'to_vendor', vendor: '华为' },
        'invalid_input',
        { rmaNo: 'required' },
      ],
      [{ ticket: ticket.ticketNo, kind: 'transfer_out' }, 'invalid_input', { otherStore: 'required' }],
      [{ ticket: '6901234567892', kind: 'to_workshop' }, 'unknown_code', { code: 'unknown_code' }],
      [{ ticket: 'SH01-261122-9999', kind: 'to_workshop' }, 'not_found', undefined],
      [{ ticket: ticket.ticketNo, kind: 'received' as 'to_shelf' }, 'invalid_input', undefined],
      [{ ticket: ticket.ticketNo, kind: 'to_shelf', location: 'x'.repeat(41) }, 'invalid_input', undefined],
    ];
    for (const [input, code, fields] of cases) {
      const result = await move(input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe(code);
      if (fields) expect(result.error.fields).toEqual(fields);
    }
    expect(totalChanges(core)).toBe(before);
  });
});

describe('correcting a movement', () => {
  it('reverses the latest movement with a new entry; the wrong one stays on record', async () => {
    const { take, move, where, supervisor, clerk, core } = await store();
    const ticket = await take('865432109876543');
    value(await move({ ticket: ticket.ticketNo, kind: 'to_shelf', location: 'B-02' }));
    value(await move({ ticket: ticket.ticketNo, kind: 'handed_back' })); // the wrong device went out
    const wrong = (await where(ticket.ticketNo)).trail.at(-1);

    // A clerk cannot reverse without a supervisor.
    const refused = await rpc(
      core,
      'goods.reverse',
      { entryId: wrong?.entryId ?? '', reason: '拿错' },
      { token: clerk.token },
    );
    expect(refused.ok || refused.error.code).toBe('override_required');

    const back = value(
      await rpc(
        core,
        'goods.reverse',
        { entryId: wrong?.entryId ?? '', reason: '交错了机器' },
        { token: supervisor.token },
      ),
    );
    expect(back).toMatchObject({ place: 'on_premises', location: 'B-02', kind: 'to_shelf' });
    const { trail } = await where(ticket.ticketNo);
    expect(trail.map((row) => row.kind)).toEqual(['received', 'to_shelf', 'handed_back', 'reversal']);
    expect(trail.at(-1)).toMatchObject({ reverses: wrong?.entryId, note: '交错了机器' });
    expect(
      core.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'goods.reverse'").pluck().get(),
    ).toBe(1);
  });

  it('reverses only the latest movement, never the intake', async () => {
    const { take, move, where, supervisor, core } = await store();
    const ticket = await take('865432109876543');
    value(await move({ ticket: ticket.ticketNo, kind: 'to_shelf', location: 'B-02' }));
    value(await move({ ticket: ticket.ticketNo, kind: 'to_workshop' }));
    const [received, shelf] = (await where(ticket.ticketNo)).trail;
    const before = totalChanges(core);
    for (const entry of [shelf, received]) {
      const result = await rpc(
        core,
        'goods.reverse',
        { entryId: entry?.entryId ?? '', reason: '更正' },
        { token: supervisor.token },
      );
      expect(result.ok || result.error).toMatchObject({
        code: 'conflict',
        details: { reason: 'not_latest' },
      });
    }
    expect(totalChanges(core)).toBe(before);
  });

  it('the ledger refuses edits and deletions outright', async () => {
    const { take, core } = await store();
    await take('865432109876543');
    expect(() => core.sqlite.prepare("UPDATE custody_movements SET location = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => core.sqlite.prepare('DELETE FROM custody_movements').run()).toThrow(/append-only/);
  });
});

describe('disposing of a device', () => {
  it('lets a supervisor dispose of an abandoned device only after the storage period and with notice', async () => {
    const { take, supervisor, clerk, core, later, where } = await store();
    const ticket = await take('865432109876543');
    const dispose = (input: InputOf<'goods.dispose'>, token = supervisor.token) =>
      rpc(core, 'goods.dispose', input, { token });

    const clerkTry = await dispose(
      { ticket: ticket.ticketNo, kind: 'abandoned', noticeDate: '2026-11-22' },
      clerk.token,
    );
    expect(clerkTry.ok || clerkTry.error.code).toBe('override_required');

    await later(30);
    const early = await dispose({ ticket: ticket.ticketNo, kind: 'abandoned', noticeDate: '2026-12-01' });
    expect(early.ok || early.error).toMatchObject({
      code: 'invalid_input',
      fields: { ticket: 'storage_not_over' },
    });

    await later(61); // 91 days held; the default storage period is 90
    const noNotice = await dispose({ ticket: ticket.ticketNo, kind: 'abandoned' });
    expect(noNotice.ok || noNotice.error.fields).toEqual({ noticeDate: 'required' });
    const future = await dispose({ ticket: ticket.ticketNo, kind: 'abandoned', noticeDate: '2027-06-01' });
    expect(future.ok || future.error.fields).toEqual({ noticeDate: 'date_in_future' });
    // Still being repaired: the ticket's rules refuse to abandon it, and the custody entry goes too.
    const open = await dispose({ ticket: ticket.ticketNo, kind: 'abandoned', noticeDate: '2026-12-20' });
    expect(open.ok || open.error.code).toBe('invalid_transition');
    expect((await where(ticket.ticketNo)).state?.place).toBe('on_premises');
    core.sqlite.prepare("UPDATE tickets SET status = 'ready' WHERE id = ?").run(ticket.id); // repaired, never collected

    const done = value(
      await dispose({ ticket: ticket.ticketNo, kind: 'abandoned', noticeDate: '2026-12-20' }),
    );
    expect(done).toMatchObject({
      place: 'disposed',
      location: 'abandoned',
      details: { noticeDate: '2026-12-20' },
    });
    expect((await where(ticket.ticketNo)).trail.at(-1)?.kind).toBe('abandoned');
    const status = core.sqlite.prepare('SELECT status FROM tickets WHERE id = ?').get(ticket.id);
    expect(status).toEqual({ status: 'abandoned' });
  });

  it('scrapping needs a reason', async () => {
    const { take, supervisor, core } = await store();
    const ticket = await take('865432109876543');
    const result = await rpc(
      core,
      'goods.dispose',
      { ticket: ticket.ticketNo, kind: 'scrapped' },
      { token: supervisor.token },
    );
    expect(result.ok || result.error.fields).toEqual({ note: 'required' });
    const scrapped = value(
      await rpc(
        core,
        'goods.dispose',
        { ticket: ticket.ticketNo, kind: 'scrapped', note: '客户同意报废' },
        { token: supervisor.token },
      ),
    );
    expect(scrapped.place).toBe('disposed');
  });
});

describe('what is on the premises', () => {
  it('lists devices by location with their ages, flags idle ones and those past the storage period', async () => {
    const { take, move, core, clerk, later, adminToken } = await store();
    const old = await take('111111111111111');
    value(await move({ ticket: old.ticketNo, kind: 'to_shelf', location: 'A-01' }));
    await later(5);
    const recent = await take('222222222222222');
    const away = await take('333333333333333');
    value(await move({ ticket: away.ticketNo, kind: 'to_vendor', vendor: '小米服务站', rmaNo: 'XM-9' }));
    const gone = await take('444444444444444');
    value(await move({ ticket: gone.ticketNo, kind: 'handed_back' }));

    const here = value(await rpc(core, 'goods.onPremises', {}, { token: clerk.token }));
    expect(here.byLocation).toEqual([
      { location: 'A-01', count: 1, oldestSince: expect.any(Number) },
      { location: 'counter', count: 1, oldestSince: expect.any(Number) },
    ]);
    expect(here.total).toBe(2);
    expect(here.rows.map((row) => [row.ticketNo, row.location, row.daysHere, row.idle])).toEqual([
      [old.ticketNo, 'A-01', 5, true], // idle: more than 3 days on the shelf
      [recent.ticketNo, 'counter', 0, false],
    ]);
    const idle = value(await rpc(core, 'goods.onPremises', { idleOnly: true }, { token: clerk.token }));
    expect(idle.rows.map((row) => row.ticketNo)).toEqual([old.ticketNo]);
    const atVendor = value(await rpc(core, 'goods.atVendor', {}, { token: clerk.token })).rows;
    expect(atVendor).toEqual([
      expect.objectContaining({
        ticketNo: away.ticketNo,
        location: '小米服务站',
        details: { vendor: '小米服务站', rmaNo: 'XM-9' },
      }),
    ]);

    value(await rpc(core, 'settings.update', { storageDays: 30 }, { token: adminToken }));
    await later(26);
    const all = value(await rpc(core, 'goods.onPremises', {}, { token: clerk.token })).rows;
    expect(all.filter((row) => row.pastStorage).map((row) => row.ticketNo)).toEqual([old.ticketNo]);
    const due = value(await rpc(core, 'goods.onPremises', { pastStorageOnly: true }, { token: clerk.token }));
    expect(due.rows.map((row) => row.ticketNo)).toEqual([old.ticketNo]);
    expect(due.total).toBe(2); // the counts per location stay whole
  });

  it('pages through many devices without skipping or repeating one', async () => {
    const { take, move, core, clerk } = await store();
    const taken = [];
    for (let i = 0; i < 7; i++) {
      const ticket = await take(`9000000000000${String(i).padStart(2, '0')}`);
      value(await move({ ticket: ticket.ticketNo, kind: 'to_shelf', location: i % 2 ? 'B-01' : 'A-01' }));
      taken.push(ticket.ticketNo);
    }
    const seen: string[] = [];
    let after: InputOf<'goods.onPremises'>['after'];
    for (let page = 0; page < 10; page++) {
      const list = value(await rpc(core, 'goods.onPremises', { limit: 3, after }, { token: clerk.token }));
      seen.push(...list.rows.map((row) => row.ticketNo));
      if (!list.next) break;
      after = list.next;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(taken));
    // By location, then longest there first.
    expect(seen.slice(0, 4)).toEqual([taken[0], taken[2], taken[4], taken[6]]);
    const aOnly = value(await rpc(core, 'goods.onPremises', { location: 'B-01' }, { token: clerk.token }));
    expect(aOnly.rows.map((row) => row.ticketNo)).toEqual([taken[1], taken[3], taken[5]]);
    const tooMany = await rpc(core, 'goods.onPremises', { limit: 501 }, { token: clerk.token });
    expect(tooMany.ok || tooMany.error.code).toBe('invalid_input');
  });
});

describe('the goods register', () => {
  it('lists the movements of a date range in the store calendar, and refuses a bad range', async () => {
    const { take, move, core, clerk, later } = await store();
    const first = await take('111111111111111'); // 2026-11-22 17:00 Shanghai
    await later(1);
    value(await move({ ticket: first.ticketNo, kind: 'to_shelf', location: 'A-01' })); // 11-23
    const second = await take('222222222222222'); // 11-23
    await later(1);
    value(await move({ ticket: second.ticketNo, kind: 'handed_back' })); // 11-24

    const registerOf = async (from: string, to: string) =>
      value(await rpc(core, 'goods.register', { from, to }, { token: clerk.token })).rows.map((row) => [
        row.ticketNo,
        row.kind,
      ]);
    expect(await registerOf('2026-11-23', '2026-11-23')).toEqual([
      [first.ticketNo, 'to_shelf'],
      [second.ticketNo, 'received'],
    ]);
    expect(await registerOf('2026-11-22', '2026-11-24')).toHaveLength(4);
    expect(await registerOf('2026-11-25', '2026-11-30')).toEqual([]);

    const backwards = await rpc(
      core,
      'goods.register',
      { from: '2026-11-24', to: '2026-11-22' },
      { token: clerk.token },
    );
    expect(backwards.ok || backwards.error.fields).toEqual({ to: 'before_from' });
    const tooLong = await rpc(
      core,
      'goods.register',
      { from: '2025-01-01', to: '2026-11-22' },
      { token: clerk.token },
    );
    expect(tooLong.ok || tooLong.error.fields).toEqual({ to: 'range_too_long' });
  });
});
