import { afterEach, describe, expect, it } from 'vitest';
import { importMasterFile } from '../../server/master-file';
import { purgeTombstones } from '../../server/sync/feed';
import { rpc, value } from '../helpers/core';
import { chainMaster, enrolCounter, listeningHeadquarters, type Hq } from '../helpers/hq';
import { repairStore } from '../helpers/repair';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

/** A store with a part on its shelf, enrolled with a listening headquarters that publishes `chainMaster`. */
async function enrolledStore() {
  const { hq, url } = await listeningHeadquarters();
  open.push(hq);
  const store = await repairStore();
  const part = value(
    await store.as('supervisor')('parts.save', {
      sku: 'BAT-IP12',
      name: 'iPhone 12 电池',
      costFen: 9000,
      priceFen: 15000,
    }),
  );
  await enrolCounter(hq, url, store, 'SH01');
  await importMasterFile(hq.db, chainMaster(), hq.now());
  const sql = <T>(query: string, ...params: unknown[]) =>
    store.core.sqlite.prepare(query).all(...params) as T[];
  return { hq, store, part, sql };
}

const syncNow = async (store: Awaited<ReturnType<typeof repairStore>>) =>
  value(await store.as('clerk')('sync.now', {}));

const hqStaffId = async (hq: Hq, name: string) =>
  (
    await hq.db
      .selectFrom('hq_master')
      .select('entity_id')
      .where('entity', '=', 'staff')
      .where(({ ref }) => ref('payload', '->>').key('name' as never), '=', name)
      .executeTakeFirstOrThrow()
  ).entity_id;

describe('the counter pulls headquarters’ master data', () => {
  it('downloads everything after its push: categories, policies, staff who can sign in, prices and receipt terms', async () => {
    const { hq, store, part, sql } = await enrolledStore();
    const before = value(await store.as('clerk')('sync.status', {}));
    expect(before).toMatchObject({ downloading: true, downloadRemaining: null, lastPullAt: null });

    const status = await syncNow(store);
    expect(status).toMatchObject({ lastError: '', downloading: false, downloadRemaining: 0, outboxDepth: 1 });
    expect(status.lastPullAt).toBe(store.clock.now());

    const catalogue = value(await store.as('clerk')('catalogue.get', {}));
    expect(catalogue.categories.find((c) => c.id === 'phone')?.nameZh).toBe('总部手机');
    const roster = value(await store.as('clerk')('auth.roster', {}));
    const supervisor = roster.find((member) => member.name === '总部派驻主任');
    expect(supervisor?.role).toBe('supervisor');
    const signIn = await store.as('clerk')('auth.signIn', { staffId: supervisor?.id ?? '', pin: '7777' });
    expect(signIn.ok).toBe(true);
    expect(store.core.settings).toMatchObject({
      labourRatePerHourFen: 8000,
      receiptTerms: '总部条款：凭此单取机，保管期 90 天。',
    });
    expect(value(await store.as('clerk')('parts.get', { id: part.id })).priceFen).toBe(19900);
    // Nothing headquarters sent goes back to it, except the part whose price changed (store data).
    expect(sql<{ entity: string }>('SELECT entity FROM outbox')).toEqual([{ entity: 'parts' }]);
    expect(sql<{ details: string }>("SELECT details FROM audit_log WHERE action = 'sync.pull'")).toHaveLength(
      1,
    );

    // The part's new price reaches headquarters at the next run.
    expect((await syncNow(store)).outboxDepth).toBe(0);
    const row = await hq.db
      .selectFrom('hq_rows')
      .select('payload')
      .where('entity', '=', 'parts')
      .where('entity_id', '=', part.id)
      .executeTakeFirstOrThrow();
    expect(row.payload).toMatchObject({ price_fen: 19900 });
  });

  it('refuses local edits of what headquarters publishes, and changes nothing; the store’s own rows stay its own', async () => {
    const { hq, store, sql } = await enrolledStore();
    await syncNow(store);
    const snapshot = () =>
      JSON.stringify([
        sql('SELECT * FROM categories ORDER BY id'),
        sql('SELECT id, name, role, pin_hash, active FROM staff ORDER BY id'),
        sql('SELECT key, value FROM settings ORDER BY key'),
      ]);
    const before = snapshot();
    const { categories } = value(await store.as('clerk')('catalogue.get', {}));
    const phone = categories.find((c) => c.id === 'phone');
    if (!phone) throw new Error('the download brought no phone category');
    const hqClerk = await hqStaffId(hq, '总部店员');
    const refusals = [
      await store.as('admin')('catalogue.saveCategory', { ...phone, nameZh: '本店手机' }),
      // Headquarters publishes the catalogue: the store adds no category of its own either.
      await store.as('admin')('catalogue.saveCategory', { ...phone, id: 'drones', nameZh: '无人机' }),
      await store.as('admin')('settings.update', { receiptTerms: '本店条款' }),
      await store.as('admin')('settings.update', { labourRatePerHourFen: 5000 }),
      await store.as('admin')('staff.update', { id: hqClerk, role: 'admin' }),
      await store.as('admin')('staff.resetPin', { id: hqClerk, pin: '0000' }),
    ];
    for (const refusal of refusals) {
      expect(refusal.ok || refusal.error).toMatchObject({ code: 'forbidden' });
      expect(refusal.ok || Object.values(refusal.error.fields ?? {})).toEqual(['managed_by_hq']);
    }
    expect(snapshot()).toBe(before);
    // A settings form sends the value it shows: unchanged, it is no refusal.
    expect(
      (
        await store.as('admin')('settings.update', {
          receiptTerms: store.core.settings.receiptTerms,
          stallHours: 24,
        })
      ).ok,
    ).toBe(true);
    // The clerk the store made itself is the store's to edit.
    expect((await store.as('admin')('staff.update', { id: store.crew.clerk.id, name: '李店员' })).ok).toBe(
      true,
    );
  });

  it('brings later changes and deletes; a deleted category or staff member is made inactive, never removed', async () => {
    const { hq, store, sql } = await enrolledStore();
    await syncNow(store);
    const master = chainMaster();
    const hqClerk = await hqStaffId(hq, '总部店员');
    // The clerk headquarters is about to delete is signed in at the counter.
    const { token } = value(await rpc(store.core, 'auth.signIn', { staffId: hqClerk, pin: '1212' }));
    expect((await rpc(store.core, 'auth.me', {}, { token })).ok).toBe(true);
    await importMasterFile(
      hq.db,
      {
        categories: master.categories
          ?.filter((c) => c.id === 'phone')
          .map((c) => ({ ...c, nameZh: '手机与平板' })),
        delete: [
          { entity: 'staff', id: hqClerk },
          { entity: 'categories', id: 'tv' },
        ],
      },
      hq.now(),
    );
    expect((await syncNow(store)).lastError).toBe('');
    const categories = sql<{ id: string; name_zh: string; active: number }>(
      "SELECT id, name_zh, active FROM categories WHERE id IN ('phone', 'tv') ORDER BY id",
    );
    expect(categories).toEqual([
      { id: 'phone', name_zh: '手机与平板', active: 1 },
      { id: 'tv', name_zh: '总部电视机', active: 0 },
    ]);
    expect(sql('SELECT active FROM staff WHERE id = ?', hqClerk)).toEqual([{ active: 0 }]);
    // ...and is signed out at once, not at the end of the shift.
    const after = await rpc(store.core, 'auth.me', {}, { token });
    expect(after.ok || after.error.code).toBe('unauthenticated');
    expect(sql("SELECT entity_id FROM hq_master WHERE entity_id IN ('tv', ?)", hqClerk)).toEqual([]);
  });

  it('starts again from the beginning after a 410, and nothing deleted meanwhile comes back', async () => {
    const { hq, store, sql } = await enrolledStore();
    await syncNow(store);
    await importMasterFile(
      hq.db,
      {
        delete: [
          { entity: 'categories', id: 'tablet' },
          { entity: 'receipt_terms', id: 'default' },
        ],
      },
      hq.now(),
    );
    hq.advance(100 * 86_400_000);
    expect(await purgeTombstones(hq.db, hq.now() - 90 * 86_400_000)).toBe(2);
    const status = await syncNow(store);
    expect(status).toMatchObject({ lastError: '', downloading: false });
    expect(sql("SELECT active FROM categories WHERE id = 'tablet'")).toEqual([{ active: 0 }]);
    expect(store.core.settings.receiptTerms).toBe('');
    const pulls = sql<{ details: string }>(
      "SELECT details FROM audit_log WHERE action = 'sync.pull' ORDER BY at",
    );
    expect(JSON.parse(pulls.at(-1)?.details ?? '{}')).toMatchObject({ from: 0, removed: 2 });
    // Every row headquarters still publishes is here, and only those.
    const live = await hq.db
      .selectFrom('hq_master')
      .select(['entity', 'entity_id'])
      .where('deleted', '=', false)
      .execute();
    expect(sql('SELECT entity, entity_id FROM hq_master ORDER BY entity, entity_id')).toEqual(
      live
        .map((row) => ({ entity: row.entity, entity_id: row.entity_id }))
        .sort((a, b) => (`${a.entity}/${a.entity_id}` < `${b.entity}/${b.entity_id}` ? -1 : 1)),
    );
  });

  it('applies a page whole or not at all: a row it cannot read stops the pull with the cursor where it was', async () => {
    const { hq, store, sql } = await enrolledStore();
    await syncNow(store);
    const cursor = sql<{ feed_cursor: number }>('SELECT feed_cursor FROM sync_state')[0]?.feed_cursor;
    const master = chainMaster();
    await importMasterFile(hq.db, { receipt_terms: [{ id: 'default', text: '新条款' }] }, hq.now());
    // A later headquarters writing a field this counter does not know, straight into its table.
    const { last_pos: last } = await hq.db.selectFrom('hq_feed').select('last_pos').executeTakeFirstOrThrow();
    await hq.db
      .insertInto('hq_master')
      .values({
        entity: 'categories',
        entity_id: 'drone',
        store_id: null,
        payload: JSON.stringify({ ...master.categories?.[0], id: 'drone', colour: 'red' }),
        deleted: false,
        pos: last + 1,
        updated_at: hq.now(),
      })
      .execute();
    await hq.db
      .updateTable('hq_feed')
      .set({ last_pos: last + 1 })
      .execute();

    const failed = await syncNow(store);
    expect(failed.lastError).not.toBe('');
    expect(sql('SELECT feed_cursor FROM sync_state')).toEqual([{ feed_cursor: cursor }]);
    expect(store.core.settings.receiptTerms).not.toBe('新条款'); // same page: not applied either
    expect(sql("SELECT id FROM categories WHERE id = 'drone'")).toEqual([]);

    // Headquarters puts it right: the next run goes on from where the counter stood.
    await importMasterFile(hq.db, { delete: [{ entity: 'categories', id: 'drone' }] }, hq.now());
    expect((await syncNow(store)).lastError).toBe('');
    expect(store.core.settings.receiptTerms).toBe('新条款');
  });
});
