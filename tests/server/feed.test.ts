import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportMasterFile, importMasterFile } from '../../server/master-file';
import { feedPage, purgeTombstones, writeMaster } from '../../server/sync/feed';
import type { AuthenticatedDevice } from '../../server/stores';
import type { FeedRow } from '../../shared/master-data';
import { chainMaster, enrolledCounter, headquarters, type Hq } from '../helpers/hq';

let hq: Hq;
beforeEach(async () => {
  hq = await headquarters();
});
afterEach(async () => {
  await hq.close();
});

type Counter = Awaited<ReturnType<typeof enrolledCounter>>;
const deviceOf = (counter: Counter): AuthenticatedDevice => ({
  deviceId: counter.deviceId,
  hqStoreId: counter.hqStoreId,
  storeId: counter.storeId,
  storeCode: counter.storeCode,
});

/** Everything the feed holds for a device after `after`, page by page as a counter reads it. */
async function readAll(counter: Counter, after = 0, limit = 7) {
  const rows: FeedRow[] = [];
  let cursor = after;
  for (;;) {
    const page = await feedPage(hq.db, deviceOf(counter), cursor, { limit });
    rows.push(...page.rows);
    cursor = page.last;
    if (page.remaining === 0) return { rows, cursor };
  }
}

const feedState = () => hq.db.selectFrom('hq_feed').selectAll().executeTakeFirstOrThrow();
const masterCount = async () =>
  Number(
    (
      await hq.db
        .selectFrom('hq_master')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the master data feed', () => {
  it('publishes a file in one go; each store reads its own rows and every store the shared ones, policies before the categories naming them', async () => {
    const sh01 = await enrolledCounter(hq, 'SH01');
    const bj01 = await enrolledCounter(hq, 'BJ01');
    const file = chainMaster('SH01');
    const published = await importMasterFile(hq.db, file, hq.now());
    expect(published).toBe(3 + 7 + 2 + 1 + 1);

    const { rows, cursor } = await readAll(sh01);
    expect(rows.map((row) => row.pos)).toEqual([...rows.map((row) => row.pos)].sort((a, b) => a - b));
    expect(cursor).toBe((await feedState()).last_pos);
    const ids = rows.map((row) => `${row.entity}/${row.entityId}`);
    expect(
      rows.filter((row) => row.entity === 'staff').map((row) => (row.payload as { name: string }).name),
    ).toEqual(['总部派驻主任', '总部店员']);
    // Only hashes travel; the PIN never does.
    expect(JSON.stringify(rows)).not.toContain('7777');
    for (const row of rows.filter((r) => r.entity === 'categories')) {
      const policy = (row.payload as { warrantyPolicyId: string }).warrantyPolicyId;
      expect(ids.indexOf(`warranty_policies/${policy}`)).toBeLessThan(
        ids.indexOf(`categories/${row.entityId}`),
      );
    }
    // Another store sees the shared rows and none of SH01's staff.
    const other = await readAll(bj01);
    expect(other.rows.length).toBe(rows.length - 2);
    expect(other.rows.some((row) => row.entity === 'staff')).toBe(false);

    // The same file again publishes the same rows (same staff ids), not new ones.
    await importMasterFile(hq.db, file, hq.now());
    expect(await masterCount()).toBe(published);
    // And what is exported goes back in.
    const exported = await exportMasterFile(hq.db);
    expect(exported.staff).toHaveLength(2);
    expect(await importMasterFile(hq.db, exported, hq.now())).toBe(published);
  });

  it('refuses a bad file whole, and the feed is as it was', async () => {
    await enrolledCounter(hq, 'SH01');
    await enrolledCounter(hq, 'BJ01');
    await importMasterFile(hq.db, chainMaster(), hq.now());
    const exportedStaff = (await exportMasterFile(hq.db)).staff?.[0] as Record<string, unknown>;
    const [before, count] = [await feedState(), await masterCount()];
    const refusals: [string, unknown][] = [
      [
        'a category naming no policy',
        { categories: [{ ...chainMaster().categories?.[0], warrantyPolicyId: 'nope' }] },
      ],
      ['an unknown role', { staff: [{ store: 'SH01', name: '某人', role: 'boss', pin: '1111' }] }],
      ['an unknown store', { staff: [{ store: 'XX99', name: '某人', role: 'clerk', pin: '1111' }] }],
      ['a PIN and a hash', { staff: [{ store: 'SH01', name: '某人', role: 'clerk' }] }],
      ['a policy that a category names', { delete: [{ entity: 'warranty_policies', id: 'general' }] }],
      ['deleting what is not there', { delete: [{ entity: 'categories', id: 'spaceship' }] }],
      ['an unknown key', { categories: [{ ...chainMaster().categories?.[0], colour: 'red' }] }],
      ['not master data', { tickets: [] }],
      // A row stays where it was published: moved, the store it left would never hear of it again.
      ['staff moved to another store', { staff: [{ ...exportedStaff, store: 'BJ01' }] }],
      ['receipt terms for one store', { receipt_terms: [{ id: 'default', text: 'x', store: 'SH01' }] }],
    ];
    for (const [why, file] of refusals) {
      await expect(importMasterFile(hq.db, file, hq.now()), why).rejects.toMatchObject({
        code: expect.stringMatching(/invalid_input|not_found/),
      });
    }
    expect(await feedState()).toEqual(before);
    expect(await masterCount()).toBe(count);
  });

  it('sends a delete as a tombstone, and a changed policy takes its categories along after it', async () => {
    const sh01 = await enrolledCounter(hq, 'SH01');
    await importMasterFile(hq.db, chainMaster(), hq.now());
    const { cursor } = await readAll(sh01);
    const general = chainMaster().warranty_policies?.find((p) => p.id === 'general');
    await importMasterFile(
      hq.db,
      { warranty_policies: [{ ...general, reRepairDays: 60 }], delete: [{ entity: 'categories', id: 'tv' }] },
      hq.now(),
    );
    const { rows } = await readAll(sh01, cursor);
    const seen = rows.map((row) => `${row.entity}/${row.entityId}${row.deleted ? ' deleted' : ''}`);
    expect(seen.slice(0, 2)).toEqual(['warranty_policies/general', 'categories/tv deleted']);
    // Every category naming 'general' comes again, after it.
    expect(seen.slice(2).sort()).toEqual(['categories/laptop', 'categories/other', 'categories/tablet']);
    expect(rows[1]?.payload).toBeNull();
  });

  it('answers 410 to a cursor behind purged tombstones or ahead of the feed, and a full download has no deleted row', async () => {
    const sh01 = await enrolledCounter(hq, 'SH01');
    await importMasterFile(hq.db, chainMaster(), hq.now());
    const { cursor } = await readAll(sh01);
    await importMasterFile(hq.db, { delete: [{ entity: 'categories', id: 'tv' }] }, hq.now());
    hq.advance(100 * 86_400_000);
    expect(await purgeTombstones(hq.db, hq.now() - 90 * 86_400_000)).toBe(1);

    const pull = (after: number) =>
      hq.app.inject({ method: 'GET', url: `/v1/pull?after=${after}`, headers: sh01.headers });
    const stale = await pull(cursor);
    expect(stale.statusCode).toBe(410);
    expect(stale.json()).toMatchObject({ error: { code: 'cursor_expired' }, floor: cursor + 1 });
    expect((await pull((await feedState()).last_pos + 5)).statusCode).toBe(410);
    const fresh = await pull(0);
    expect(fresh.statusCode).toBe(200);
    const ids = (fresh.json() as { rows: FeedRow[] }).rows.map((row) => row.entityId);
    expect(ids).not.toContain('tv');
    expect((await pull((await feedState()).last_pos)).json()).toMatchObject({ rows: [], remaining: 0 });
    expect((await pull(-1)).statusCode).toBe(400);
    const anonymous = await hq.app.inject({ method: 'GET', url: '/v1/pull?after=0' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('misses no change while writers publish concurrently and a store polls', async () => {
    const sh01 = await enrolledCounter(hq, 'SH01');
    await importMasterFile(hq.db, { warranty_policies: chainMaster().warranty_policies }, hq.now());
    const writers = 4;
    const rounds = 15;
    const written = new Map<string, number>();
    let writing = true;
    const seen = new Map<string, number>();
    let cursor = 0;
    const poll = async () => {
      const page = await feedPage(hq.db, deviceOf(sh01), cursor, { limit: 50 });
      for (const row of page.rows) {
        expect(row.pos).toBeGreaterThan(cursor);
        seen.set(row.entityId, (row.payload as { reRepairDays: number }).reRepairDays);
      }
      cursor = page.last;
      return page.remaining;
    };
    const writer = async (w: number) => {
      for (let round = 1; round <= rounds; round++) {
        const policy = {
          ...chainMaster().warranty_policies?.[0],
          id: `w${w}_${round % 4}`,
          reRepairDays: round,
        };
        await writeMaster(
          hq.db,
          [{ entity: 'warranty_policies', entityId: policy.id, storeId: null, payload: policy }],
          hq.now(),
        );
        written.set(policy.id, round);
      }
    };
    const polling = (async () => {
      while (writing) await poll();
    })();
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    writing = false;
    await polling;
    while ((await poll()) > 0);
    expect(written.size).toBe(writers * 4);
    for (const [id, round] of written) expect(seen.get(id), id).toBe(round);
  });
});
