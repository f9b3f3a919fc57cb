import { describe, expect, it } from 'vitest';
import { custodyHash } from '../../electron/core/custody/custody-ledger';
import { adminPin, manualClock, openTestCore, rpc, setUpStore, tableCounts, value } from '../helpers/core';
import { phoneIntake, tinyJpegBase64 } from '../helpers/intake';

// 2026-11-22 09:00 UTC is 17:00 in Shanghai: business date 2026-11-22.
async function counter() {
  const clock = manualClock(Date.UTC(2026, 10, 22, 9, 0, 0));
  const core = await openTestCore({ now: clock.now });
  const { adminToken, adminId } = await setUpStore(core);
  const intake = (overrides: Parameters<typeof phoneIntake>[0] = {}) =>
    rpc(core, 'tickets.create', phoneIntake(overrides), { token: adminToken });
  const count = (table: string) =>
    (core.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  /** Days pass; the idle counter locked itself meanwhile, so the clerk unlocks it. */
  const later = async (days: number) => {
    clock.advance(days * 24 * 3600_000);
    value(await rpc(core, 'auth.unlock', { pin: adminPin }, { token: adminToken }));
  };
  return { core, clock, later, adminToken, adminId, intake, count };
}

describe('taking a device in', () => {
  it('stores the ticket, customer, device, deposit, first event and custody entry in one act', async () => {
    const { core, intake, adminId, adminToken } = await counter();
    const ticket = value(
      await intake({ estimateFen: 30000, deposit: { amountFen: 10000, method: 'wechat' }, serviceType: 'C' }),
    );
    expect(ticket).toMatchObject({
      ticketNo: 'SH01-261122-0001',
      businessDate: '2026-11-22',
      status: 'received',
      customer: { name: '王伟', phones: ['13800138000'] },
      device: {
        brand: 'Huawei',
        model: 'Mate 60 Pro',
        serial: '865432109876543',
        purchaseDate: '2026-11-19',
      },
      accessories: ['charger', 'case'],
      passcode: '123456',
      deposits: [{ method: 'wechat', amountFen: 10000 }],
      receivedBy: { id: adminId, name: '王主管' },
      warranty: { suggestedServiceType: 'C', outcomes: ['refund', 'replace', 'free_repair'] },
      reRepairOf: null,
    });
    const custody = core.sqlite.prepare('SELECT * FROM custody_movements').all() as Record<string, unknown>[];
    expect(custody).toHaveLength(1);
    expect(custody[0]).toMatchObject({ kind: 'received', location: 'counter', seq: 1, ticket_id: ticket.id });
    expect(
      core.sqlite.prepare('SELECT to_status FROM ticket_events WHERE ticket_id = ?').all(ticket.id),
    ).toEqual([{ to_status: 'received' }]);
    expect(core.sqlite.prepare('SELECT kind, amount_fen, business_date FROM payments').all()).toEqual([
      { kind: 'deposit', amount_fen: 10000, business_date: '2026-11-22' },
    ]);
    expect(
      core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'tickets.create'").get(),
    ).toEqual({ n: 1 });
    const entities = (
      core.sqlite
        .prepare(
          "SELECT entity FROM outbox WHERE entity != 'stores' AND entity != 'staff' AND entity != 'settings' ORDER BY seq",
        )
        .all() as { entity: string }[]
    ).map((r) => r.entity);
    expect(entities).toEqual(['customers', 'devices', 'custody_movements', 'payments', 'tickets']);
    // The answer intake builds from what it wrote is exactly what the database then holds.
    expect(value(await rpc(core, 'tickets.get', { id: ticket.id }, { token: adminToken }))).toEqual(ticket);
    const synced = core.sqlite.prepare("SELECT payload FROM outbox WHERE entity = 'tickets'").get() as {
      payload: string;
    };
    expect(synced.payload).not.toContain('123456'); // the passcode stays in the store
  });

  it('numbers tickets per store and business day, in order, and starts again the next day', async () => {
    const { intake, later } = await counter();
    expect(value(await intake()).ticketNo).toBe('SH01-261122-0001');
    expect(value(await intake()).ticketNo).toBe('SH01-261122-0002');
    await later(1);
    expect(value(await intake({ promisedDate: '2026-11-26' })).ticketNo).toBe('SH01-261123-0001');
  });

  it('gives simultaneous saves distinct consecutive numbers', async () => {
    const { intake } = await counter();
    const tickets = await Promise.all(Array.from({ length: 12 }, () => intake()));
    const numbers = tickets.map((t) => value(t).ticketNo).sort();
    expect(numbers).toEqual(
      Array.from({ length: 12 }, (_, i) => `SH01-261122-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('is idempotent: the same request twice is one ticket and one deposit', async () => {
    const { intake, count } = await counter();
    const request = {
      idempotencyKey: '01900000-0000-7000-8000-000000000001',
      estimateFen: 5000,
      deposit: { amountFen: 5000, method: 'cash' as const },
    };
    const [a, b] = await Promise.all([intake(request), intake(request)]);
    expect(value(a).id).toBe(value(b).id);
    expect(count('tickets')).toBe(1);
    expect(count('payments')).toBe(1);
  });

  it('never creates a second customer for the same phone', async () => {
    const { intake, count } = await counter();
    const first = value(await intake());
    const second = value(
      await intake({
        customer: { name: '王伟', phones: ['13800138000', '021-6666 8888'] },
        device: { ...phoneIntake().device, serial: 'SN-OTHER-1' },
      }),
    );
    expect(second.customer.id).toBe(first.customer.id);
    expect(second.customer.phones).toEqual(['02166668888', '13800138000']);
    expect(count('customers')).toBe(1);
  });

  it('keeps what is on file when a returning customer leaves address and notes blank, writing nothing', async () => {
    const { core, intake, later } = await counter();
    const first = value(
      await intake({
        customer: { name: '王伟', phones: ['13800138000'], address: '南京路 1 号', notes: '老客户' },
      }),
    );
    const before = core.sqlite
      .prepare('SELECT address, notes, updated_at FROM customers WHERE id = ?')
      .get(first.customer.id);
    await later(1);
    const again = value(await intake({ device: { ...phoneIntake().device, serial: 'SN-SECOND-1' } }));
    expect(again.customer).toMatchObject({ id: first.customer.id, address: '南京路 1 号', notes: '老客户' });
    expect(
      core.sqlite
        .prepare('SELECT address, notes, updated_at FROM customers WHERE id = ?')
        .get(first.customer.id),
    ).toEqual(before);
  });

  it('refuses a phone that belongs to another customer when a customer is named', async () => {
    const { intake, count } = await counter();
    const wang = value(await intake());
    const li = value(
      await intake({
        customer: { name: '李娜', phones: ['13900001111'] },
        device: { ...phoneIntake().device, serial: 'SN-LI-1' },
      }),
    );
    const before = count('tickets');
    const result = await intake({ customer: { id: li.customer.id, name: '李娜', phones: ['13800138000'] } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { 'customer.phones': 'phone_taken' } },
    });
    expect(count('tickets')).toBe(before);
    expect(wang.customer.id).not.toBe(li.customer.id);
  });

  it('recognises a device by its serial and flags a return within 30 days as a re-repair', async () => {
    const { core, intake, clock, later, adminToken } = await counter();
    const first = value(await intake());
    await later(3);
    // Hand-back is a later feature: the first repair is marked collected directly.
    core.sqlite
      .prepare('UPDATE tickets SET collected_at = ?, status = ? WHERE id = ?')
      .run(clock.now(), 'collected', first.id);
    await later(10);
    const again = value(
      await intake({
        promisedDate: '2026-12-10',
        device: { ...phoneIntake().device, serial: '865432109876543' },
      }),
    );
    expect(again.device.id).toBe(first.device.id);
    expect(again.reRepairOf).toEqual({ id: first.id, ticketNo: first.ticketNo });
    expect(again.warranty.reasons.map((r) => r.code)).toContain('re_repair');
    expect(value(await rpc(core, 'tickets.get', { id: again.id }, { token: adminToken }))).toEqual(again);
  });
});

describe('三包 at intake', () => {
  it('suggests free warranty service and wants a reason to charge instead, audited', async () => {
    const { core, intake } = await counter();
    const refused = await intake({ serviceType: 'A' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { serviceTypeReason: 'reason_required' } },
    });
    const ticket = value(await intake({ serviceType: 'A', serviceTypeReason: '客户承认摔过' }));
    expect(ticket.serviceType).toBe('A');
    const audit = core.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'tickets.serviceTypeOverride'")
      .get() as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ suggested: 'C', chosen: 'A', reason: '客户承认摔过' });
  });

  it('previews the assessment while the clerk types', async () => {
    const { core, adminToken } = await counter();
    const preview = value(
      await rpc(
        core,
        'tickets.assessWarranty',
        { categoryId: 'phone', purchaseDate: '2025-01-02', part: 'battery' },
        { token: adminToken },
      ),
    );
    expect(preview).toMatchObject({ outcomes: ['paid_repair'], suggestedServiceType: 'A', reRepairOf: null });
  });
});

describe('bad input is refused and nothing is written', () => {
  const cases: [string, Parameters<typeof phoneIntake>[0], string, string][] = [
    [
      'a required serial missing',
      { device: { ...phoneIntake().device, serial: '' } },
      'device.serial',
      'required',
    ],
    ['an unanswered checklist', { condition: { screen_cracked: 'ok' } }, 'condition', 'required'],
    ['no accessories and no note', { accessories: [], accessoriesNote: '' }, 'accessories', 'required'],
    [
      'an unknown category',
      { device: { ...phoneIntake().device, categoryId: 'spaceship' } },
      'device.categoryId',
      'unknown_category',
    ],
    ['an accessory of another category', { accessories: ['remote'] }, 'accessories', 'unknown_key'],
    ['a negative estimate', { estimateFen: -100 }, 'estimateFen', 'amount_negative'],
    ['an absurd estimate', { estimateFen: 100_000_000_00 }, 'estimateFen', 'amount_too_large'],
    ['a fractional amount', { diagnosisFeeFen: 10.5 }, 'diagnosisFeeFen', 'fen_integer'],
    ['an overlong fault', { reportedFault: '坏'.repeat(1001) }, 'reportedFault', 'too_big'],
    ['a wrong type', { estimateFen: '300' as never }, 'estimateFen', 'invalid'],
    ['a bad phone', { customer: { name: '王伟', phones: ['abc'] } }, 'customer.phones.0', 'phone_format'],
    ['a promise in the past', { promisedDate: '2026-11-21' }, 'promisedDate', 'date_in_past'],
    [
      'a purchase in the future',
      { device: { ...phoneIntake().device, purchaseDate: '2026-12-01' } },
      'device.purchaseDate',
      'date_in_future',
    ],
    [
      'a deposit above the estimate unconfirmed',
      { estimateFen: 100, deposit: { amountFen: 5000, method: 'cash' } },
      'deposit.amountFen',
      'deposit_above_estimate',
    ],
    [
      'a photo that is not what it says',
      { photos: [{ mime: 'image/png', base64: tinyJpegBase64 }] },
      'photos.0',
      'invalid',
    ],
  ];
  it.each(cases)('%s', async (_name, overrides, field, code) => {
    const { core, intake } = await counter();
    const before = tableCounts(core);
    const tickets = (core.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    const result = await intake(overrides);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.fields?.[field]).toBe(code);
    expect(tableCounts(core)).toEqual(before);
    expect((core.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(tickets);
  });

  it('takes a deposit above the estimate once the clerk confirms it', async () => {
    const { intake } = await counter();
    const ticket = value(
      await intake({
        estimateFen: 100,
        deposit: { amountFen: 5000, method: 'cash' },
        depositAboveEstimateConfirmed: true,
      }),
    );
    expect(ticket.deposits).toEqual([{ method: 'cash', amountFen: 5000 }]);
  });

  it('refuses intake to a technician', async () => {
    const { core, intake, adminToken } = await counter();
    const tech = value(
      await rpc(
        core,
        'staff.create',
        { name: '技师', role: 'technician', pin: '5555' },
        { token: adminToken },
      ),
    );
    const { token } = value(await rpc(core, 'auth.signIn', { staffId: tech.id, pin: '5555' }));
    expect(await rpc(core, 'tickets.create', phoneIntake(), { token })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await intake()).ok).toBe(true);
  });
});

describe('the ledgers an intake starts', () => {
  it('chains custody entries by hash and refuses edits', async () => {
    const { core, intake } = await counter();
    value(await intake({ estimateFen: 1000, deposit: { amountFen: 1000, method: 'cash' } }));
    value(await intake());
    const rows = core.sqlite.prepare('SELECT * FROM custody_movements ORDER BY seq').all() as Parameters<
      typeof custodyHash
    >[0][] &
      { hash: string }[];
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    for (const row of rows) expect(custodyHash(row)).toBe((row as { hash: string }).hash);
    expect(() => core.sqlite.prepare("UPDATE custody_movements SET location = 'home'").run()).toThrow(
      /append-only/,
    );
    expect(() => core.sqlite.prepare('DELETE FROM payments').run()).toThrow(/append-only/);
  });
});

describe('finding tickets', () => {
  it('by ticket number, phone, last four digits, Chinese and Latin name, serial and model', async () => {
    const { core, intake, adminToken } = await counter();
    const wang = value(await intake());
    const zhang = value(
      await intake({
        customer: { name: 'Zhang Xiaoming', phones: ['13912345678'] },
        device: { ...phoneIntake().device, brand: 'Apple', model: 'iPhone 15 Pro', serial: 'F2LXK9ABCD12' },
      }),
    );
    const find = async (query: string) =>
      value(await rpc(core, 'tickets.search', { query }, { token: adminToken })).map((row) => row.ticketNo);
    expect(await find(wang.ticketNo.toLowerCase())).toEqual([wang.ticketNo]);
    expect(await find('13800138000')).toEqual([wang.ticketNo]);
    expect(await find('8000')).toEqual([wang.ticketNo]);
    expect(await find('5678')).toEqual([zhang.ticketNo]);
    expect(await find('王伟')).toEqual([wang.ticketNo]); // two characters: the bigram index
    expect(await find('xiaoming')).toEqual([zhang.ticketNo]); // trigram substring
    expect(await find('f2lxk9abcd12')).toEqual([zhang.ticketNo]);
    expect(await find('iPhone 15')).toEqual([zhang.ticketNo]);
    expect(await find('nobody')).toEqual([]);
  });

  it('finds customers as the clerk types, with their devices', async () => {
    const { core, intake, adminToken } = await counter();
    value(await intake());
    const found = value(await rpc(core, 'customers.find', { query: '8000' }, { token: adminToken }));
    expect(found).toMatchObject([
      { name: '王伟', phones: ['13800138000'], devices: [{ model: 'Mate 60 Pro' }] },
    ]);
  });

  it('lists tickets with filters, overdue ones marked', async () => {
    const { core, intake, adminToken, later } = await counter();
    value(await intake({ priority: 'urgent' }));
    value(await intake({ promisedDate: '2026-11-30' }));
    await later(5);
    const list = (input: object) => rpc(core, 'tickets.list', input, { token: adminToken }).then(value);
    expect((await list({})).map((t) => t.overdue)).toEqual([false, true]);
    expect(await list({ overdue: true })).toHaveLength(1);
    expect(await list({ priority: 'urgent' })).toHaveLength(1);
    expect(await list({ from: '2026-11-23' })).toHaveLength(0);
  });
});

describe('photos and prints', () => {
  it('stores photos and gives them back', async () => {
    const { core, intake, adminToken } = await counter();
    const ticket = value(await intake({ photos: [{ mime: 'image/jpeg', base64: tinyJpegBase64 }] }));
    expect(ticket.photoIds).toHaveLength(1);
    const photo = value(
      await rpc(core, 'tickets.photo', { id: ticket.photoIds[0] ?? '' }, { token: adminToken }),
    );
    expect(photo).toEqual({ mime: 'image/jpeg', base64: tinyJpegBase64 });
  });

  it('numbers prints: the first is the original, later ones are logged copies', async () => {
    const { core, intake, adminToken } = await counter();
    const ticket = value(await intake());
    const printed = (documents: ('claim_receipt' | 'repair_card')[]) =>
      rpc(core, 'tickets.printed', { ticketId: ticket.id, documents }, { token: adminToken }).then(value);
    expect(await printed(['claim_receipt', 'repair_card'])).toEqual({ claim_receipt: 0, repair_card: 0 });
    expect(await printed(['claim_receipt'])).toEqual({ claim_receipt: 1 });
    expect(
      core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'tickets.reprint'").get(),
    ).toEqual({ n: 1 });
    expect(
      value(await rpc(core, 'tickets.get', { ticketNo: ticket.ticketNo }, { token: adminToken })).printed,
    ).toEqual({ claim_receipt: 2, repair_card: 1 });
  });
});
