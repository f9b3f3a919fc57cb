import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../electron/core/auth/pin';
import { runBackup } from '../../../electron/core/backup/backup.service';
import { syncOnce } from '../../../electron/core/sync/sync.service';
import { importMasterFile } from '../../../server/master-file';
import { purgeTombstones } from '../../../server/sync/feed';
import { rpc, value } from '../../helpers/core';
import { chainMaster } from '../../helpers/hq';
import { chain, converge, invariantProblems, type Chain } from './chain';

let open: Chain | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const start = async (codes?: string[]) => {
  open = await chain(codes);
  await importMasterFile(open.hq.db, chainMaster(open.stores[0]?.code), open.hq.now());
  return open;
};

const day = 86_400_000;
const count = async (c: Chain, table: 'hq_received' | 'hq_rows') =>
  Number(
    (
      await c.hq.db
        .selectFrom(table)
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('sync under faults: every test ends with the invariant', () => {
  it('an answer lost after headquarters applied the batch: the counter sends it again, it is applied once', async () => {
    const c = await start();
    const [store] = c.stores;
    if (!store) throw new Error('no store');
    for (let i = 0; i < 3; i++) await store.take({ deposit: { method: 'cash', amountFen: 1000 } });
    c.proxy.next('drop_response');
    const lost = await syncOnce(store.core);
    expect(lost.lastError).toMatch(/unreachable/);
    expect(lost.outboxDepth).toBeGreaterThan(0); // nothing forgotten without an acknowledgement
    const received = await count(c, 'hq_received');
    expect(received).toBe(lost.outboxDepth); // ...though headquarters has every row
    c.proxy.next('fail_before');
    expect((await syncOnce(store.core)).lastError).toMatch(/unreachable/);
    await converge(c);
    expect(await count(c, 'hq_received')).toBe(received);
    expect(await invariantProblems(c)).toEqual([]);
  });

  it('every request sent twice at once', async () => {
    const c = await start(['SH01', 'BJ01']);
    c.proxy.always('duplicate');
    for (const store of c.stores) {
      for (let i = 0; i < 4; i++) await store.take({ deposit: { method: 'wechat', amountFen: 500 } });
      const status = await syncOnce(store.core);
      expect(status).toMatchObject({ lastError: '', outboxDepth: 0, downloading: false });
    }
    expect(c.proxy.seen.filter((s) => s.url === '/v1/push').length).toBeGreaterThan(0);
    await converge(c);
    expect(await invariantProblems(c)).toEqual([]);
  });

  it('batches out of order: a later batch first is refused with the position, an old one late is skipped', async () => {
    const c = await start();
    const [store] = c.stores;
    if (!store) throw new Error('no store');
    for (let i = 0; i < 3; i++) await store.take();
    // Record the batches the counter sends (headquarters applies none of them) and cut them in two.
    c.proxy.next('fail_before');
    await syncOnce(store.core);
    const recorded = c.proxy.seen.at(-1);
    if (!recorded) throw new Error('nothing sent');
    const body = JSON.parse(recorded.body) as { dbInstanceId: string; rows: { seq: number }[] };
    const half = Math.floor(body.rows.length / 2);
    const first = { ...recorded, body: JSON.stringify({ ...body, rows: body.rows.slice(0, half) }) };
    const second = { ...recorded, body: JSON.stringify({ ...body, rows: body.rows.slice(half) }) };
    const early = await c.proxy.send(second);
    expect(early.status).toBe(409);
    expect(JSON.parse(early.text)).toMatchObject({ error: { code: 'gap' }, position: 0 });
    expect(await count(c, 'hq_received')).toBe(0);
    expect((await c.proxy.send(first)).status).toBe(200);
    expect((await c.proxy.send(second)).status).toBe(200);
    const late = await c.proxy.send(first);
    expect(JSON.parse(late.text)).toEqual({ acknowledged: body.rows.at(-1)?.seq });
    await converge(c);
    expect(await count(c, 'hq_received')).toBe(body.rows.length);
    expect(await invariantProblems(c)).toEqual([]);
  });

  it('the server’s database connection killed in the middle of a batch', async () => {
    const c = await start();
    const [store] = c.stores;
    if (!store || !c.hq.databaseUrl) throw new Error('needs PostgreSQL');
    for (let i = 0; i < 30; i++) await store.take({ deposit: { method: 'card', amountFen: 100 } });
    const admin = new pg.Client({ connectionString: c.hq.databaseUrl });
    await admin.connect();
    // Row 40 of the first batch waits in its trigger: the batch is half applied when the backend dies.
    await admin.query(`CREATE FUNCTION test_slow_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.seq = 40 THEN PERFORM pg_sleep(30); END IF; RETURN NEW; END $$`);
    await admin.query(`CREATE TRIGGER test_slow_row BEFORE INSERT ON hq_received
      FOR EACH ROW EXECUTE FUNCTION test_slow_row()`);
    const pushing = syncOnce(store.core);
    let killed = 0;
    while (killed === 0) {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event = 'PgSleep'`,
      );
      killed = rows[0]?.n ?? 0;
    }
    const status = await pushing;
    expect(status.lastError).toMatch(/answered 500/);
    expect(await count(c, 'hq_received')).toBe(0); // the whole batch rolled back
    await admin.query('DROP TRIGGER test_slow_row ON hq_received');
    await admin.end();
    await converge(c);
    expect(await invariantProblems(c)).toEqual([]);
  });

  it('the counter’s clock two days ahead, then two days behind: feed positions and seqs do not care', async () => {
    const c = await start();
    const [store] = c.stores;
    if (!store) throw new Error('no store');
    await store.passTime(2 * day);
    await store.take();
    expect((await syncOnce(store.core)).lastError).toBe('');
    await importMasterFile(
      c.hq.db,
      { receipt_terms: [{ id: 'default', text: '时钟之后的条款' }] },
      c.hq.now(),
    );
    await store.passTime(-4 * day);
    await store.take();
    expect((await syncOnce(store.core)).lastError).toBe('');
    expect(store.core.settings.receiptTerms).toBe('时钟之后的条款');
    await store.passTime(3 * day);
    await importMasterFile(c.hq.db, { delete: [{ entity: 'categories', id: 'tv' }] }, c.hq.now());
    await converge(c);
    expect(await invariantProblems(c)).toEqual([]);
  });

  it('headquarters writers publishing at once while three stores poll: no change missed', async () => {
    const c = await start(['SH01', 'BJ01', 'GZ01']);
    const policies = chainMaster().warranty_policies ?? [];
    let writing = true;
    const writers = [0, 1, 2].map(async (w) => {
      for (let round = 1; round <= 8; round++) {
        const policy = { ...policies[0], id: `writer${w}_${round % 3}`, reRepairDays: round };
        await importMasterFile(c.hq.db, { warranty_policies: [policy] }, c.hq.now());
      }
    });
    const pollers = c.stores.map(async (store) => {
      while (writing) await syncOnce(store.core);
    });
    await Promise.all(writers);
    writing = false;
    await Promise.all(pollers);
    await converge(c);
    expect(await invariantProblems(c)).toEqual([]);
    const last = c.stores[2]?.core.sqlite
      .prepare(
        "SELECT json_extract(payload, '$.reRepairDays') AS days FROM hq_master WHERE entity_id = 'writer2_2'",
      )
      .get();
    expect(last).toEqual({ days: 8 });
  });

  it('a store writing master data has it quarantined, never applied and never dropped', async () => {
    const c = await start();
    const [store] = c.stores;
    if (!store) throw new Error('no store');
    value(await store.as('admin')('staff.create', { name: '本店临时工', role: 'clerk', pin: '4321' }));
    await converge(c);
    const quarantined = await c.hq.db
      .selectFrom('hq_quarantine')
      .select(['entity', 'reason'])
      .where('entity', '=', 'staff')
      .execute();
    const staffPushed = store.core.sqlite
      .prepare("SELECT count(*) AS n FROM test_outbox_log WHERE entity = 'staff'")
      .get() as { n: number };
    expect(quarantined.length).toBe(staffPushed.n); // the set-up crew and the new clerk
    expect(staffPushed.n).toBeGreaterThan(1);
    expect(new Set(quarantined.map((row) => row.reason))).toEqual(new Set(['master_data']));
    expect(
      await c.hq.db.selectFrom('hq_rows').select('entity').where('entity', '=', 'staff').execute(),
    ).toEqual([]);
    expect(await invariantProblems(c)).toEqual([]);
  });

  it('a cursor older than the feed keeps deletes: 410, one full download of several pages, and no deleted row comes back', async () => {
    const c = await start(['SH01', 'BJ01']);
    // Enough rows that the download takes pages; one PIN hash for all (scrypt is slow on purpose).
    const pinHash = await hashPin('9999');
    const roster = Array.from({ length: 700 }, (_, i) => ({
      store: 'SH01',
      name: `店员${i}`,
      role: 'clerk',
      pinHash,
    }));
    await importMasterFile(c.hq.db, { staff: roster }, c.hq.now());
    await converge(c);
    await importMasterFile(
      c.hq.db,
      {
        delete: [
          { entity: 'categories', id: 'laptop' },
          { entity: 'receipt_terms', id: 'default' },
        ],
      },
      c.hq.now(),
    );
    c.hq.advance(100 * day);
    expect(await purgeTombstones(c.hq.db, c.hq.now() - 90 * day)).toBe(2);
    await converge(c);
    for (const store of c.stores) {
      expect(store.core.sqlite.prepare("SELECT active FROM categories WHERE id = 'laptop'").get()).toEqual({
        active: 0,
      });
    }
    expect(await invariantProblems(c)).toEqual([]);
    // After it the store is caught up past the purged positions: the next runs download nothing.
    const downloads = (store: (typeof c.stores)[number]) =>
      (
        store.core.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'sync.pull'").all() as {
          details: string;
        }[]
      ).filter((row) => (JSON.parse(row.details) as { from: number }).from === 0).length;
    for (const store of c.stores) {
      const before = downloads(store);
      for (let i = 0; i < 2; i++) {
        expect(await syncOnce(store.core)).toMatchObject({ lastError: '', downloading: false });
      }
      expect(downloads(store)).toBe(before);
    }
  });

  it('a restored backup pushes as a new database instance; headquarters keeps what the store lost', async () => {
    const c = await start();
    const [store] = c.stores;
    if (!store) throw new Error('no store');
    await store.take();
    await converge(c);
    const backup = await runBackup(store.core, 'manual');
    const logged = () =>
      store.core.sqlite.prepare('SELECT seq, entity, entity_id FROM test_outbox_log').all() as {
        seq: number;
        entity: string;
        entity_id: string;
      }[];
    const mark = Math.max(...logged().map((row) => row.seq));
    await store.take(); // after the backup: the restore will lose it
    await converge(c);
    const lost = new Set(
      logged()
        .filter((row) => row.seq > mark)
        .map((row) => `${row.entity}/${row.entity_id}`),
    );
    value(await store.withOverride('clerk')('backup.restore', { name: backup.name }));
    // Everyone signs in again after a restore.
    const clerk = store.crew.clerk;
    clerk.token = value(await rpc(store.core, 'auth.signIn', { staffId: clerk.id, pin: clerk.pin })).token;
    await store.take();
    await converge(c);
    const instances = await c.hq.db.selectFrom('hq_positions').select('db_instance_id').execute();
    expect(instances).toHaveLength(2);
    // Rows of the lost intake are still at headquarters; the restored store's own rows all match.
    const restoredKeys = new Set(
      (
        store.core.sqlite.prepare('SELECT entity, entity_id FROM test_outbox_log').all() as {
          entity: string;
          entity_id: string;
        }[]
      ).map((row) => `${row.entity}/${row.entity_id}`),
    );
    const onlyLost = new Set([...lost].filter((key) => !restoredKeys.has(key)));
    expect([...onlyLost].some((key) => key.startsWith('tickets/'))).toBe(true);
    expect(await invariantProblems(c, { lostAtStore: new Map([['SH01', onlyLost]]) })).toEqual([]);
  });

  it('replayed and tampered requests, and another store’s credential', async () => {
    const c = await start(['SH01', 'BJ01']);
    const [shanghai, beijing] = c.stores;
    if (!shanghai || !beijing) throw new Error('no stores');
    await shanghai.take();
    await beijing.take();
    await converge(c);
    const push = c.proxy.seen.find((s) => s.url === '/v1/push' && s.authorization.length > 0);
    const bjPush = [...c.proxy.seen].reverse().find((s) => s.url === '/v1/push' && s !== push);
    if (!push || !bjPush) throw new Error('no pushes seen');
    const before = await count(c, 'hq_received');

    // The same request again, later: acknowledged, nothing applied twice.
    expect((await c.proxy.send(push)).status).toBe(200);
    // A payload changed in transit without its hash: bad input. With a new hash: another payload.
    const body = JSON.parse(push.body) as { dbInstanceId: string; rows: { payload: string; hash: string }[] };
    const [row] = body.rows;
    if (!row) throw new Error('empty push');
    const changed = row.payload.replace(/"[^"]*"/, '"x"');
    const tampered = { ...body, rows: [{ ...row, payload: changed }, ...body.rows.slice(1)] };
    expect((await c.proxy.send({ ...push, body: JSON.stringify(tampered) })).status).toBe(400);
    const rehashed = {
      ...body,
      rows: [
        { ...row, payload: changed, hash: createHash('sha256').update(changed).digest('hex') },
        ...body.rows.slice(1),
      ],
    };
    const refused = await c.proxy.send({ ...push, body: JSON.stringify(rehashed) });
    expect([refused.status, JSON.parse(refused.text).error.code]).toEqual([409, 'different_payload']);
    // Shanghai's rows under Beijing's credential: quarantined as another store's, applied nowhere.
    const stolen = await c.proxy.send({
      ...push,
      authorization: bjPush.authorization,
      body: JSON.stringify({ ...body, dbInstanceId: crypto.randomUUID() }),
    });
    expect(stolen.status).toBe(200);
    const otherStore = await c.hq.db
      .selectFrom('hq_quarantine')
      .select('reason')
      .where('reason', '=', 'other_store')
      .execute();
    expect(otherStore.length).toBe(body.rows.length);
    // No credential, a made-up one: refused.
    expect((await c.proxy.send({ ...push, authorization: '' })).status).toBe(401);
    expect(
      (await c.proxy.send({ ...push, authorization: `Device ${crypto.randomUUID()}:${'x'.repeat(43)}` }))
        .status,
    ).toBe(401);

    expect(await count(c, 'hq_received')).toBe(before + body.rows.length); // only the quarantined copy
    // The stolen copy counts as its own instance of Beijing's device; the invariant reads rows, not it.
    expect(await invariantProblems(c)).toEqual([]);
  });
});
