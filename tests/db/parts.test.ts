import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InputOf, MethodName } from '../../shared/contract';
import type { Part } from '../../shared/parts';
import {
  addStaff,
  adminPin,
  manualClock,
  openTestCore,
  rpc,
  setUpStore,
  tableCounts,
  totalChanges,
  value,
} from '../helpers/core';
import { phoneIntake } from '../helpers/intake';

/** A part as the edit form sends it back. */
const inputOf = ({
  onHand: _onHand,
  low: _low,
  updatedAt: _updatedAt,
  ...part
}: Part): InputOf<'parts.save'> => part;

// 2026-11-22 09:00 UTC is 17:00 in Shanghai.
async function stockroom() {
  const clock = manualClock(Date.UTC(2026, 10, 22, 9, 0, 0));
  const core = await openTestCore({ now: clock.now });
  const { adminToken, adminId } = await setUpStore(core);
  const supervisor = await addStaff(core, adminToken, 'supervisor', '8642');
  const clerk = await addStaff(core, adminToken, 'clerk', '1357');
  const tech = await addStaff(core, adminToken, 'technician', '2001');
  const call = <M extends MethodName>(
    method: M,
    input: InputOf<M>,
    token = adminToken,
    overrideToken?: string,
  ) => rpc(core, method, input, { token, overrideToken });
  const sql = <T>(query: string, ...params: unknown[]) => core.sqlite.prepare(query).all(...params) as T[];

  const addPart = async (overrides: Partial<InputOf<'parts.save'>> = {}) =>
    value(
      await call('parts.save', {
        sku: 'SCR-IP13',
        barcode: '6901234567892',
        name: 'iPhone 13 屏幕总成 (OLED)',
        compatibleModels: ['iPhone 13'],
        costFen: 32000,
        priceFen: 58000,
        reorderLevel: 2,
        supplier: '深圳华强北配件行',
        ...overrides,
      }),
    );
  const receive = async (partId: string, quantity: number, token = adminToken) =>
    value(await call('parts.receive', { requestId: randomUUID(), partId, quantity }, token));
  const ticket = async () => value(await call('tickets.create', phoneIntake())).id;
  const onHand = (partId: string) =>
    (core.sqlite.prepare('SELECT on_hand FROM parts WHERE id = ?').get(partId) as { on_hand: number })
      .on_hand;

  /** Every part's kept figure equals its ledger sum and its last entry's balance. */
  const expectInStep = () => {
    const rows = sql<{ on_hand: number; ledger: number; last: number | null }>(`
      SELECT p.on_hand,
        (SELECT coalesce(sum(quantity), 0) FROM stock_movements m WHERE m.part_id = p.id) AS ledger,
        (SELECT balance_after FROM stock_movements m WHERE m.part_id = p.id ORDER BY seq DESC LIMIT 1) AS last
      FROM parts p`);
    for (const row of rows) {
      expect(row.ledger).toBe(row.on_hand);
      if (row.last !== null) expect(row.last).toBe(row.on_hand);
    }
  };
  /** Rows in every table a refused call must leave alone, and the connection's write counter. */
  const snapshot = () => ({
    ...tableCounts(core),
    parts: sql<{ n: number }>('SELECT count(*) AS n FROM parts')[0]?.n,
    movements: sql<{ n: number }>('SELECT count(*) AS n FROM stock_movements')[0]?.n,
    requests: sql<{ n: number }>('SELECT count(*) AS n FROM stock_requests')[0]?.n,
    onHand: sql<{ id: string; on_hand: number }>('SELECT id, on_hand FROM parts ORDER BY id'),
    changes: totalChanges(core),
  });
  const audits = (action: string) =>
    sql<{ staff_id: string; override_by: string | null; details: string }>(
      'SELECT staff_id, override_by, details FROM audit_log WHERE action = ? ORDER BY at, id',
      action,
    );
  /** Days pass; the idle counter locked itself meanwhile, so the admin unlocks it. */
  const later = async (days: number) => {
    clock.advance(days * 24 * 3600_000);
    value(await call('auth.unlock', { pin: adminPin }));
  };
  const overrideFor = async (method: MethodName, token: string, request: Record<string, unknown>) =>
    value(
      await call(
        'auth.override',
        { supervisorId: supervisor.id, pin: supervisor.pin, method, request },
        token,
      ),
    ).overrideToken;
  return {
    core,
    clock,
    adminId,
    adminToken,
    supervisor,
    clerk,
    tech,
    call,
    sql,
    addPart,
    receive,
    ticket,
    onHand,
    expectInStep,
    snapshot,
    audits,
    later,
    overrideFor,
  };
}

describe('migration 0005-parts', () => {
  it('keeps the stock ledger append-only and each kind to its sign', async () => {
    const { core, addPart, receive } = await stockroom();
    const part = await addPart();
    await receive(part.id, 3);
    expect(() => core.sqlite.prepare('UPDATE stock_movements SET quantity = 30').run()).toThrow(
      /append-only/,
    );
    expect(() => core.sqlite.prepare('DELETE FROM stock_movements').run()).toThrow(/append-only/);
    const row = core.sqlite.prepare('SELECT * FROM stock_movements').get() as Record<string, unknown>;
    const insert = (changes: Record<string, unknown>) => {
      const entry = { ...row, id: randomUUID(), seq: 99, ...changes };
      const columns = Object.keys(entry);
      core.sqlite
        .prepare(`INSERT INTO stock_movements (${columns}) VALUES (${columns.map(() => '?')})`)
        .run(...Object.values(entry));
    };
    expect(() => insert({ kind: 'received', quantity: -1 })).toThrow(/CHECK/);
    expect(() => insert({ kind: 'used', quantity: -1, ticket_id: null })).toThrow(/CHECK/);
    expect(() => insert({ kind: 'returned_to_vendor', quantity: -1, rma_no: '' })).toThrow(/CHECK/);
    expect(() => insert({ kind: 'adjusted', quantity: 1, reason: '' })).toThrow(/CHECK/);
    expect(() => insert({ kind: 'stolen', quantity: -1 })).toThrow(/CHECK/);
    expect(() => insert({ kind: 'received', quantity: 'one' })).toThrow(/cannot store TEXT/);
  });
});

describe('the parts catalogue', () => {
  it('adds a part with no stock, codes in capitals, audited and queued for sync', async () => {
    const { call, sql, addPart, adminId } = await stockroom();
    const part = await addPart({ sku: 'bat-mate60 ', barcode: ' 6901234567892' });
    expect(part).toMatchObject({
      sku: 'BAT-MATE60',
      barcode: '6901234567892',
      onHand: 0,
      low: true,
      active: true,
    });
    expect(value(await call('parts.get', { id: part.id }))).toEqual(part);
    expect(
      sql('SELECT staff_id FROM audit_log WHERE action = ? AND entity_id = ?', 'parts.create', part.id),
    ).toEqual([{ staff_id: adminId }]);
    expect(sql("SELECT count(*) AS n FROM outbox WHERE entity = 'parts'")).toEqual([{ n: 1 }]);
  });

  it('edits the entry but never the stock figure', async () => {
    const { call, addPart, receive, onHand } = await stockroom();
    const part = await addPart();
    await receive(part.id, 4);
    const edited = value(
      await call('parts.save', {
        ...inputOf(part),
        name: 'iPhone 13 屏幕',
        priceFen: 60000,
        reorderLevel: 5,
      }),
    );
    expect(edited).toMatchObject({ name: 'iPhone 13 屏幕', priceFen: 60000, onHand: 4, low: true });
    expect(onHand(part.id)).toBe(4);
  });

  it('refuses a SKU or barcode that already names another part, writing nothing', async () => {
    const { call, addPart, snapshot } = await stockroom();
    const first = await addPart();
    const before = snapshot();
    const sameSku = await call('parts.save', { sku: 'scr-ip13', name: '另一个', costFen: 1, priceFen: 2 });
    expect(sameSku).toMatchObject({ ok: false, error: { code: 'conflict', fields: { sku: 'code_taken' } } });
    // A barcode equal to another part's SKU would make a scan ambiguous.
    const barcodeIsSku = await call('parts.save', {
      sku: 'X-1',
      barcode: first.sku,
      name: '另一个',
      costFen: 1,
      priceFen: 2,
    });
    expect(barcodeIsSku).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { barcode: 'code_taken' } },
    });
    const skuIsBarcode = await call('parts.save', {
      sku: first.barcode,
      name: '另一个',
      costFen: 1,
      priceFen: 2,
    });
    expect(skuIsBarcode).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { sku: 'code_taken' } },
    });
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['a price above ¥999,999.99', { priceFen: 100_000_000 }, 'priceFen', 'amount_too_large'],
    ['a negative cost', { costFen: -1 }, 'costFen', 'amount_negative'],
    ['a fractional amount', { costFen: 10.5 }, 'costFen', 'fen_integer'],
    ['a barcode with spaces inside', { barcode: '690 123' }, 'barcode', 'code_format'],
    ['an empty SKU', { sku: '  ' }, 'sku', 'required'],
    ['a 41-character SKU', { sku: 'A'.repeat(41) }, 'sku', 'too_big'],
    ['an empty name', { name: '' }, 'name', 'required'],
    ['a negative reorder level', { reorderLevel: -1 }, 'reorderLevel', 'too_small'],
    [
      '51 compatible models',
      { compatibleModels: Array.from({ length: 51 }, (_, i) => `M${i}`) },
      'compatibleModels',
      'too_big',
    ],
  ] as const)('refuses %s, writing nothing', async (_name, changes, field, code) => {
    const { call, snapshot } = await stockroom();
    const before = snapshot();
    const result = await call('parts.save', {
      sku: 'OK-1',
      name: '配件',
      costFen: 100,
      priceFen: 200,
      ...(changes as object),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { [field]: code } } });
    expect(snapshot()).toEqual(before);
  });

  it('is kept by supervisors: a clerk or technician may not edit it', async () => {
    const { call, clerk, tech, supervisor } = await stockroom();
    const input = { sku: 'A-1', name: '配件', costFen: 1, priceFen: 2 };
    expect(await call('parts.save', input, clerk.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('parts.save', input, tech.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    value(await call('parts.save', input, supervisor.token));
  });
});

describe('finding a part by a scanned or typed code', () => {
  it('finds by barcode or SKU, whatever the case typed', async () => {
    const { call, addPart } = await stockroom();
    const part = await addPart();
    expect(value(await call('parts.findByCode', { code: '6901234567892' })).id).toBe(part.id);
    expect(value(await call('parts.findByCode', { code: ' scr-ip13 ' })).id).toBe(part.id);
  });

  it('looks barcodes up in the partial barcode index (the query spells out its condition)', async () => {
    const { sql } = await stockroom();
    const plan = sql<{ detail: string }>(
      "EXPLAIN QUERY PLAN SELECT * FROM parts WHERE store_id = ? AND barcode = ? AND barcode != ''",
      's',
      'b',
    );
    expect(plan.map((row) => row.detail).join(' | ')).toContain('USING INDEX parts_barcode');
  });

  it('answers an unknown code with not_found and writes nothing', async () => {
    const { call, addPart, snapshot, tech } = await stockroom();
    await addPart();
    const before = snapshot();
    expect(await call('parts.findByCode', { code: '0000000000000' }, tech.token)).toMatchObject({
      ok: false,
      error: { code: 'not_found', fields: { code: 'unknown_code' }, details: { code: '0000000000000' } },
    });
    expect(snapshot()).toEqual(before);
  });
});

describe('the stock ledger', () => {
  it('receives, uses on a ticket and takes back, with on-hand equal to the ledger after each', async () => {
    const { call, addPart, receive, ticket, onHand, expectInStep, sql, tech, clerk } = await stockroom();
    const part = await addPart();
    const received = await receive(part.id, 5, clerk.token);
    expect(received.part).toMatchObject({ onHand: 5, low: false });
    expect(received.movement).toMatchObject({ kind: 'received', quantity: 5, balanceAfter: 5, seq: 1 });
    expectInStep();

    const ticketId = await ticket();
    const used = value(
      await call(
        'parts.use',
        { requestId: randomUUID(), ticketId, partId: part.id, quantity: 2 },
        tech.token,
      ),
    );
    expect(used.movement).toMatchObject({ kind: 'used', quantity: -2, balanceAfter: 3, ticketId, seq: 2 });
    expect(used.movement.ticketNo).toMatch(/^SH01-261122-\d{4}$/);
    expect(used.movement.staff.id).toBe(tech.id);
    expect(onHand(part.id)).toBe(3);
    expectInStep();

    const back = value(
      await call(
        'parts.unuse',
        { requestId: randomUUID(), ticketId, partId: part.id, quantity: 1 },
        tech.token,
      ),
    );
    expect(back.movement).toMatchObject({ kind: 'used', quantity: 1, balanceAfter: 4 });
    expectInStep();
    expect(
      await call(
        'parts.unuse',
        { requestId: randomUUID(), ticketId, partId: part.id, quantity: 2 },
        tech.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'conflict', fields: { quantity: 'more_than_used' } } });

    expect(sql("SELECT action FROM audit_log WHERE entity = 'stock_movements' ORDER BY at, id")).toEqual([
      { action: 'parts.receive' },
      { action: 'parts.use' },
      { action: 'parts.unuse' },
    ]);
    expect(sql("SELECT count(*) AS n FROM outbox WHERE entity = 'stock_movements'")).toEqual([{ n: 3 }]);
    const history = value(await call('parts.movements', { partId: part.id }));
    expect(history.map((m) => m.balanceAfter)).toEqual([4, 3, 5]);
    expect(value(await call('parts.movements', { partId: part.id, beforeSeq: 2 })).map((m) => m.seq)).toEqual(
      [1],
    );
  });

  it('refuses a part for a ticket that does not exist, writing nothing', async () => {
    const { call, addPart, receive, snapshot } = await stockroom();
    const part = await addPart();
    await receive(part.id, 2);
    const before = snapshot();
    const result = await call('parts.use', {
      requestId: randomUUID(),
      ticketId: randomUUID(),
      partId: part.id,
      quantity: 1,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_found', fields: { ticketId: 'unknown_ticket' } },
    });
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['zero', 0, 'quantity_positive'],
    ['a negative quantity', -3, 'quantity_positive'],
    ['a fraction', 1.5, 'quantity_integer'],
    ['an absurd quantity', 100_000, 'quantity_too_large'],
    ['a number as text', '3', 'invalid'],
  ] as const)('refuses %s to receive, writing nothing', async (_name, quantity, code) => {
    const { call, addPart, snapshot } = await stockroom();
    const part = await addPart();
    const before = snapshot();
    const result = await call('parts.receive', {
      requestId: randomUUID(),
      partId: part.id,
      quantity: quantity as number,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { quantity: code } } });
    expect(snapshot()).toEqual(before);
  });

  it('refuses an unknown part and a part no longer stocked', async () => {
    const { call, addPart, snapshot } = await stockroom();
    const part = await addPart();
    value(await call('parts.save', { ...inputOf(part), active: false }));
    const before = snapshot();
    expect(
      await call('parts.receive', { requestId: randomUUID(), partId: randomUUID(), quantity: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', fields: { partId: 'unknown_part' } },
    });
    expect(
      await call('parts.receive', { requestId: randomUUID(), partId: part.id, quantity: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { partId: 'part_inactive' } },
    });
    expect(snapshot()).toEqual(before);
  });

  it('applies a retried request once and answers it the same', async () => {
    const { call, addPart, sql, onHand } = await stockroom();
    const part = await addPart();
    const request = { requestId: randomUUID(), partId: part.id, quantity: 3 };
    const [a, b] = await Promise.all([call('parts.receive', request), call('parts.receive', request)]);
    expect(value(a)).toEqual(value(b));
    expect(onHand(part.id)).toBe(3);
    expect(sql('SELECT count(*) AS n FROM stock_movements')).toEqual([{ n: 1 }]);
    const reused = await call('parts.adjust', { ...request, reason: '盘盈' });
    expect(reused).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { requestId: 'request_reused' } },
    });
  });

  it('lets only as many simultaneous uses through as there is stock', async () => {
    const { call, addPart, receive, ticket, onHand, expectInStep } = await stockroom();
    const part = await addPart();
    await receive(part.id, 5);
    const ticketId = await ticket();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        call('parts.use', { requestId: randomUUID(), ticketId, partId: part.id, quantity: 1 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error.code === 'conflict')).toHaveLength(3);
    expect(onHand(part.id)).toBe(0);
    expectInStep();
  });
});

describe('stock below zero', () => {
  it('is refused with insufficient_stock, writing nothing', async () => {
    const { call, addPart, receive, ticket, snapshot, tech } = await stockroom();
    const part = await addPart();
    await receive(part.id, 1);
    const ticketId = await ticket();
    const before = snapshot();
    const result = await call(
      'parts.use',
      { requestId: randomUUID(), ticketId, partId: part.id, quantity: 2 },
      tech.token,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        fields: { quantity: 'insufficient_stock' },
        details: { reason: 'insufficient_stock', onHand: 1, requested: 2 },
      },
    });
    // Asking for it is not enough for a technician or a clerk.
    const asked = await call(
      'parts.use',
      { requestId: randomUUID(), ticketId, partId: part.id, quantity: 2, allowNegative: true },
      tech.token,
    );
    expect(asked).toMatchObject({
      ok: false,
      error: { code: 'forbidden', fields: { allowNegative: 'supervisor_only' } },
    });
    expect(snapshot()).toEqual(before);
  });

  it('is allowed when a supervisor asks for it explicitly, and audited', async () => {
    const { call, addPart, receive, ticket, onHand, audits, supervisor, expectInStep } = await stockroom();
    const part = await addPart();
    await receive(part.id, 1);
    const ticketId = await ticket();
    const request = { requestId: randomUUID(), ticketId, partId: part.id, quantity: 3 };
    expect(await call('parts.use', request, supervisor.token)).toMatchObject({ ok: false });
    const moved = value(
      await call('parts.use', { ...request, requestId: randomUUID(), allowNegative: true }, supervisor.token),
    );
    expect(moved.part.onHand).toBe(-2);
    expect(onHand(part.id)).toBe(-2);
    expectInStep();
    const [audit] = audits('parts.belowZero');
    expect(audit?.staff_id).toBe(supervisor.id);
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({
      kind: 'used',
      before: 1,
      after: -2,
      quantity: -3,
    });
  });

  it('is allowed to a clerk adjusting under a supervisor override, with both names on record', async () => {
    const { call, addPart, snapshot, clerk, supervisor, overrideFor, audits, sql } = await stockroom();
    const part = await addPart();
    const adjustment = {
      requestId: randomUUID(),
      partId: part.id,
      quantity: -1,
      reason: '摔坏报废',
      allowNegative: true,
    };
    const before = snapshot();
    expect(await call('parts.adjust', adjustment, clerk.token)).toMatchObject({
      ok: false,
      error: { code: 'override_required' },
    });
    expect(snapshot()).toEqual(before);
    const overrideToken = await overrideFor('parts.adjust', clerk.token, adjustment);
    const moved = value(await call('parts.adjust', adjustment, clerk.token, overrideToken));
    expect(moved.movement).toMatchObject({
      kind: 'adjusted',
      quantity: -1,
      balanceAfter: -1,
      reason: '摔坏报废',
      staff: { id: clerk.id },
      overrideBy: { id: supervisor.id },
    });
    expect(audits('parts.adjust').map((a) => [a.staff_id, a.override_by])).toEqual([
      [clerk.id, supervisor.id],
    ]);
    expect(audits('parts.belowZero').map((a) => a.override_by)).toEqual([supervisor.id]);
    expect(sql('SELECT override_by FROM stock_movements')).toEqual([{ override_by: supervisor.id }]);
  });
});

describe('adjustments', () => {
  it('need a reason and a quantity other than zero', async () => {
    const { call, addPart, snapshot } = await stockroom();
    const part = await addPart();
    const before = snapshot();
    expect(
      await call('parts.adjust', { requestId: randomUUID(), partId: part.id, quantity: 2, reason: ' ' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { reason: 'reason_required' } },
    });
    expect(
      await call('parts.adjust', { requestId: randomUUID(), partId: part.id, quantity: 0, reason: '盘点' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { quantity: 'quantity_zero' } },
    });
    expect(snapshot()).toEqual(before);
  });

  it('take stock away within what is there without any allowance', async () => {
    const { call, addPart, receive, supervisor, expectInStep } = await stockroom();
    const part = await addPart();
    await receive(part.id, 3);
    const moved = value(
      await call(
        'parts.adjust',
        { requestId: randomUUID(), partId: part.id, quantity: -3, reason: '进水报废' },
        supervisor.token,
      ),
    );
    expect(moved.part.onHand).toBe(0);
    expectInStep();
  });
});

describe('stock counts', () => {
  it('books each counted part as the difference from the books, zero included, and audits the differences', async () => {
    const { call, addPart, receive, expectInStep, audits, tech, sql } = await stockroom();
    const screen = await addPart();
    const battery = await addPart({ sku: 'BAT-IP13', barcode: '6901234567908', name: 'iPhone 13 电池' });
    await receive(screen.id, 4);
    await receive(battery.id, 6);
    const counted = value(
      await call(
        'parts.count',
        {
          requestId: randomUUID(),
          lines: [
            { partId: screen.id, counted: 4 },
            { partId: battery.id, counted: 5 },
          ],
        },
        tech.token,
      ),
    );
    expect(counted.lines).toEqual([
      { partId: screen.id, sku: 'SCR-IP13', name: screen.name, expected: 4, counted: 4, difference: 0 },
      {
        partId: battery.id,
        sku: 'BAT-IP13',
        name: 'iPhone 13 电池',
        expected: 6,
        counted: 5,
        difference: -1,
      },
    ]);
    expect(
      sql("SELECT part_id, quantity, balance_after FROM stock_movements WHERE kind = 'counted' ORDER BY seq"),
    ).toEqual([
      { part_id: screen.id, quantity: 0, balance_after: 4 },
      { part_id: battery.id, quantity: -1, balance_after: 5 },
    ]);
    expectInStep();
    const [audit] = audits('parts.count');
    expect(JSON.parse(audit?.details ?? '{}')).toEqual({
      counted: 2,
      differences: [{ partId: battery.id, sku: 'BAT-IP13', expected: 6, counted: 5, difference: -1 }],
    });
  });

  it('books nothing when one line names an unknown part, or a part twice', async () => {
    const { call, addPart, receive, snapshot } = await stockroom();
    const part = await addPart();
    await receive(part.id, 2);
    const before = snapshot();
    const unknown = await call('parts.count', {
      requestId: randomUUID(),
      lines: [
        { partId: part.id, counted: 1 },
        { partId: randomUUID(), counted: 1 },
      ],
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not_found', fields: { 'lines.1.partId': 'unknown_part' } },
    });
    const twice = await call('parts.count', {
      requestId: randomUUID(),
      lines: [
        { partId: part.id, counted: 1 },
        { partId: part.id, counted: 2 },
      ],
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { lines: 'duplicate_part' } },
    });
    const negative = await call('parts.count', {
      requestId: randomUUID(),
      lines: [{ partId: part.id, counted: -1 }],
    });
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(snapshot()).toEqual(before);
  });
});

describe('the reorder list', () => {
  it('lists active parts at or below a set reorder level, by supplier, with what to order', async () => {
    const { call, addPart, receive } = await stockroom();
    const low = await addPart({ sku: 'B-LOW', barcode: '', supplier: '甲供应商', reorderLevel: 3 });
    const empty = await addPart({ sku: 'A-EMPTY', barcode: '', supplier: '乙供应商', reorderLevel: 2 });
    const plenty = await addPart({ sku: 'C-PLENTY', barcode: '', reorderLevel: 2 });
    const unlevelled = await addPart({ sku: 'D-NOLEVEL', barcode: '', reorderLevel: 0 });
    const retired = await addPart({ sku: 'E-RETIRED', barcode: '', reorderLevel: 5 });
    value(await call('parts.save', { ...inputOf(retired), active: false }));
    await receive(low.id, 3);
    await receive(plenty.id, 3);
    const list = value(await call('parts.reorder', {}));
    expect(list.map((line) => [line.part.sku, line.shortfall, line.suggested])).toEqual([
      ['A-EMPTY', 2, 4],
      ['B-LOW', 0, 3],
    ]);
    expect([empty.id, low.id]).toEqual(list.map((line) => line.part.id));
    expect(unlevelled.low).toBe(false);
    const lowPage = value(await call('parts.list', { lowOnly: true }));
    expect(lowPage.rows.map((p) => p.sku)).toEqual(['A-EMPTY', 'B-LOW']);
  });
});

describe('parts at vendors', () => {
  it('tracks pieces out under an RMA number with days out, until they are received back', async () => {
    const { call, addPart, receive, later, clerk, expectInStep, snapshot } = await stockroom();
    const part = await addPart();
    await receive(part.id, 5);
    const rma = { partId: part.id, vendor: '深圳华强北配件行', rmaNo: 'RMA-2611-07' };
    value(
      await call(
        'parts.returnToVendor',
        { requestId: randomUUID(), ...rma, quantity: 2, note: '显示异常' },
        clerk.token,
      ),
    );
    expectInStep();
    await later(3);
    expect(value(await call('parts.atVendor', {}))).toEqual([
      {
        vendor: rma.vendor,
        rmaNo: rma.rmaNo,
        partId: part.id,
        sku: 'SCR-IP13',
        name: part.name,
        quantity: 2,
        sentAt: Date.UTC(2026, 10, 22, 9, 0, 0),
        daysOut: 3,
      },
    ]);

    const before = snapshot();
    const tooMany = await call('parts.receive', {
      requestId: randomUUID(),
      partId: part.id,
      quantity: 3,
      rmaNo: rma.rmaNo,
    });
    expect(tooMany).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { quantity: 'more_than_sent' } },
    });
    const unknown = await call('parts.receive', {
      requestId: randomUUID(),
      partId: part.id,
      quantity: 1,
      rmaNo: 'RMA-NOPE',
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not_found', fields: { rmaNo: 'rma_not_open' } },
    });
    expect(snapshot()).toEqual(before);

    const partly = value(
      await call('parts.receive', {
        requestId: randomUUID(),
        partId: part.id,
        quantity: 1,
        rmaNo: rma.rmaNo,
      }),
    );
    expect(partly.movement).toMatchObject({
      kind: 'received',
      vendor: rma.vendor,
      rmaNo: rma.rmaNo,
      balanceAfter: 4,
    });
    expect(value(await call('parts.atVendor', {})).map((line) => line.quantity)).toEqual([1]);
    value(
      await call('parts.receive', {
        requestId: randomUUID(),
        partId: part.id,
        quantity: 1,
        rmaNo: rma.rmaNo,
      }),
    );
    expect(value(await call('parts.atVendor', {}))).toEqual([]);
    expectInStep();
  });

  it('needs a vendor and an RMA number, and is for the counter, not technicians', async () => {
    const { call, addPart, receive, tech, snapshot } = await stockroom();
    const part = await addPart();
    await receive(part.id, 2);
    const before = snapshot();
    expect(
      await call('parts.returnToVendor', {
        requestId: randomUUID(),
        partId: part.id,
        quantity: 1,
        vendor: '',
        rmaNo: '',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { vendor: 'required', rmaNo: 'required' } },
    });
    expect(
      await call(
        'parts.returnToVendor',
        { requestId: randomUUID(), partId: part.id, quantity: 1, vendor: 'V', rmaNo: 'R' },
        tech.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await call('parts.returnToVendor', {
        requestId: randomUUID(),
        partId: part.id,
        quantity: 3,
        vendor: 'V',
        rmaNo: 'R',
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', fields: { quantity: 'insufficient_stock' } } });
    expect(snapshot()).toEqual(before);
  });
});

describe('the stock check', () => {
  it('finds no mismatch after real work, and finds one made behind the ledger', async () => {
    const { core, call, addPart, receive, clerk, supervisor } = await stockroom();
    const part = await addPart();
    const other = await addPart({ sku: 'OTHER', barcode: '' });
    await receive(part.id, 4);
    await receive(other.id, 1);
    expect(value(await call('parts.check', {}, supervisor.token))).toEqual({
      parts: 2,
      movements: 2,
      mismatches: [],
    });
    core.sqlite.prepare('UPDATE parts SET on_hand = 9 WHERE id = ?').run(part.id);
    expect(value(await call('parts.check', {}, supervisor.token)).mismatches).toEqual([
      { partId: part.id, sku: 'SCR-IP13', name: part.name, onHand: 9, ledger: 4 },
    ]);
    expect(await call('parts.check', {}, clerk.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('the stock list', () => {
  it('searches names (Chinese substrings), SKUs, barcodes and compatible models, a page at a time', async () => {
    const { call, addPart } = await stockroom();
    await addPart();
    await addPart({
      sku: 'BAT-M60',
      barcode: '6901234567915',
      name: '华为 Mate 60 电池',
      compatibleModels: ['Mate 60', 'Mate 60 Pro'],
    });
    await addPart({ sku: 'FLT-WM01', barcode: '', name: '洗衣机进水阀', compatibleModels: ['XQG100'] });
    const skus = async (query: string, extra: Partial<InputOf<'parts.list'>> = {}) =>
      value(await call('parts.list', { query, ...extra })).rows.map((p) => p.sku);
    expect(await skus('屏幕')).toEqual(['SCR-IP13']);
    expect(await skus('mate 60 pro')).toEqual(['BAT-M60']);
    expect(await skus('xqg')).toEqual(['FLT-WM01']);
    expect(await skus('4567915')).toEqual(['BAT-M60']);
    expect(await skus('%')).toEqual([]);
    const page = value(await call('parts.list', { limit: 2, offset: 2 }));
    expect(page).toMatchObject({ total: 3 });
    expect(page.rows.map((p) => p.sku)).toEqual(['SCR-IP13']);
  });
});
