import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushRow } from '../../shared/sync-protocol';
import { enrolledCounter, headquarters, outboxRow, type Hq } from '../helpers/hq';

type Counter = Awaited<ReturnType<typeof enrolledCounter>>;

let hq: Hq;
beforeEach(async () => {
  hq = await headquarters();
});
afterEach(async () => {
  await hq.close();
});

const push = (counter: Counter, rows: PushRow[], dbInstanceId = counter.dbInstanceId) =>
  hq.app.inject({
    method: 'POST',
    url: '/v1/push',
    headers: counter.headers,
    payload: { dbInstanceId, firstSeq: 1, rows },
  });

/** Tickets 1..n of the counter's store, as outbox rows from seq `from`. */
const tickets = (counter: Counter, from: number, n: number, status = 'received') =>
  Array.from({ length: n }, (_, i) =>
    outboxRow(from + i, counter.storeId, 'tickets', { id: `t${from + i}`, status }),
  );

const count = async (table: 'hq_rows' | 'hq_received' | 'hq_quarantine') =>
  Number(
    (
      await hq.db
        .selectFrom(table)
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('push', () => {
  it('applies a batch in order and acknowledges it; the same batch again is recognised and applied once', async () => {
    const counter = await enrolledCounter(hq);
    const rows = tickets(counter, 1, 3);
    const first = await push(counter, rows);
    expect([first.statusCode, first.json()]).toEqual([200, { acknowledged: 3 }]);
    const again = await push(counter, rows);
    expect([again.statusCode, again.json()]).toEqual([200, { acknowledged: 3 }]);
    expect([await count('hq_rows'), await count('hq_received')]).toEqual([3, 3]);
    // A later row of a ticket is its new state at headquarters.
    const update = outboxRow(4, counter.storeId, 'tickets', { id: 't1', status: 'collected' });
    expect((await push(counter, [...rows.slice(1), update])).json()).toEqual({ acknowledged: 4 });
    const t1 = await hq.db
      .selectFrom('hq_rows')
      .selectAll()
      .where('entity_id', '=', 't1')
      .executeTakeFirstOrThrow();
    expect([t1.payload, t1.hash]).toEqual([
      { store_id: counter.storeId, id: 't1', status: 'collected' },
      update.hash,
    ]);
  });

  it('refuses a gap and a known seq with another payload with its position, applying nothing of the batch', async () => {
    const counter = await enrolledCounter(hq);
    await push(counter, tickets(counter, 1, 2));
    const gap = await push(counter, tickets(counter, 4, 2));
    expect([gap.statusCode, gap.json()]).toMatchObject([409, { error: { code: 'gap' }, position: 2 }]);
    const changed = await push(counter, [
      outboxRow(2, counter.storeId, 'tickets', { id: 't2', status: 'tampered' }),
      ...tickets(counter, 3, 1),
    ]);
    expect([changed.statusCode, changed.json()]).toMatchObject([
      409,
      { error: { code: 'different_payload' }, position: 2 },
    ]);
    expect(await count('hq_received')).toBe(2); // seq 3 of the refused batch was not kept
  });

  it('refuses a payload that does not match its hash, or a batch out of order, as bad input', async () => {
    const counter = await enrolledCounter(hq);
    const [row] = tickets(counter, 1, 1) as [PushRow];
    const tampered = await push(counter, [{ ...row, payload: row.payload.replace('received', 'refunded') }]);
    expect([tampered.statusCode, tampered.json().error.code]).toEqual([400, 'invalid_input']);
    const shuffled = await push(counter, [...tickets(counter, 2, 1), row]);
    expect(shuffled.statusCode).toBe(400);
    const huge = await push(counter, tickets(counter, 1, 501));
    expect(huge.statusCode).toBe(400);
    // A payload must be a row: JSON that is not an object would break every later read of it.
    for (const text of ['null', '[1,2]', '"text"']) {
      const hash = createHash('sha256').update(text).digest('hex');
      const notRow = await push(counter, [{ ...row, payload: text, hash }]);
      expect([notRow.statusCode, notRow.json().error.code]).toEqual([400, 'invalid_input']);
    }
    expect(await count('hq_received')).toBe(0);
  });

  it('quarantines, never drops, rows the store may not write: another store’s, and master data', async () => {
    const sh = await enrolledCounter(hq, 'SH01');
    const bj = await enrolledCounter(hq, 'BJ02');
    const rows = [
      outboxRow(1, sh.storeId, 'tickets', { id: 'own' }),
      outboxRow(2, bj.storeId, 'tickets', { id: 'theirs' }), // claims another store outright
      outboxRow(3, sh.storeId, 'payments', { id: 'p', store_id: bj.storeId }), // another store's row inside
      outboxRow(4, sh.storeId, 'categories', { id: 'phone' }), // headquarters' catalogue
    ];
    const answer = await push(sh, rows);
    expect(answer.json()).toEqual({ acknowledged: 4 }); // the counter may forget them: they are kept here
    const kept = await hq.db.selectFrom('hq_rows').select(['store_id', 'entity_id']).execute();
    expect(kept).toEqual([{ store_id: hq.store.id, entity_id: 'own' }]);
    const quarantined = await hq.db
      .selectFrom('hq_quarantine')
      .select(['seq', 'store_id', 'claimed_store_id', 'entity', 'reason'])
      .orderBy('seq')
      .execute();
    expect(quarantined).toEqual([
      {
        seq: 2,
        store_id: hq.store.id,
        claimed_store_id: bj.storeId,
        entity: 'tickets',
        reason: 'other_store',
      },
      {
        seq: 3,
        store_id: hq.store.id,
        claimed_store_id: sh.storeId,
        entity: 'payments',
        reason: 'other_store',
      },
      {
        seq: 4,
        store_id: hq.store.id,
        claimed_store_id: sh.storeId,
        entity: 'categories',
        reason: 'master_data',
      },
    ]);
  });

  it('applies one of two copies of a request sent at once, and counts a restored backup (new instance) from the start', async () => {
    const counter = await enrolledCounter(hq);
    const rows = tickets(counter, 1, 20);
    const [a, b] = await Promise.all([push(counter, rows), push(counter, rows)]);
    expect([a.json(), b.json()]).toEqual([{ acknowledged: 20 }, { acknowledged: 20 }]);
    expect(await count('hq_received')).toBe(20);
    const restored = await push(counter, tickets(counter, 1, 1), crypto.randomUUID());
    expect(restored.json()).toEqual({ acknowledged: 1 });
    expect([await count('hq_received'), await count('hq_rows')]).toEqual([21, 20]);
    // An instance whose outbox begins at 30 (rows before it were sent and forgotten before the
    // backup) starts there; a batch from before where it says it starts is bad input.
    const later = crypto.randomUUID();
    const fromThirty = (rows: PushRow[], firstSeq: number) =>
      hq.app.inject({
        method: 'POST',
        url: '/v1/push',
        headers: counter.headers,
        payload: { dbInstanceId: later, firstSeq, rows },
      });
    expect((await fromThirty(tickets(counter, 32, 2), 30)).json()).toMatchObject({
      error: { code: 'gap' },
      position: 29,
    });
    expect((await fromThirty(tickets(counter, 30, 2), 30)).json()).toEqual({ acknowledged: 31 });
    expect((await fromThirty(tickets(counter, 20, 2), 30)).statusCode).toBe(400);
  });
});
