import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../server/stores';
import { isMasterEntity } from '../../shared/master-data';
import { enrolCounter, listeningHeadquarters } from '../helpers/hq';
import { value } from '../helpers/core';
import { repairStore } from '../helpers/repair';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

const listening = async () => {
  const served = await listeningHeadquarters();
  open.push(served.hq);
  return served;
};

describe('the counter pushes its outbox to headquarters', () => {
  it('enrols with a one-time code, then drains the outbox: headquarters holds every row with the same hash', async () => {
    const { hq, url } = await listening();
    const store = await repairStore();
    const { code } = await createEnrolmentCode(hq.db, 'SH01', 24, hq.now());
    const enrolled = await store.as('admin')('sync.enrol', {
      serverUrl: url,
      code,
      deviceName: '前台一号机',
    });
    expect(enrolled.ok && enrolled.value).toMatchObject({ enrolled: true, storeCode: 'SH01', lastError: '' });
    // Never the secret in plain sight where the host can protect it; here (no host) it is marked plain.
    const kept = store.core.sqlite.prepare('SELECT secret FROM sync_state').get() as { secret: string };
    expect(kept.secret.startsWith('plain:')).toBe(true);

    for (let i = 0; i < 3; i++) await store.take({ deposit: { method: 'cash', amountFen: 1000 } });
    const waiting = store.core.sqlite
      .prepare('SELECT entity, entity_id, payload FROM outbox ORDER BY seq')
      .all() as { entity: string; entity_id: string; payload: string }[];
    expect(waiting.length).toBeGreaterThan(10);
    const before = await store.as('clerk')('sync.status', {});
    expect(before.ok && before.value.outboxDepth).toBe(waiting.length);

    const after = await store.as('clerk')('sync.now', {});
    expect(after.ok && after.value).toMatchObject({ outboxDepth: 0, oldestUnsentAt: null, lastError: '' });
    expect(after.ok && after.value.lastSuccessAt).toBe(store.clock.now());
    // The latest row of each entity at headquarters is the counter's, byte for byte. The staff the
    // store made at its first run are master data: headquarters keeps them in quarantine.
    const [own, master] = [
      waiting.filter((row) => !isMasterEntity(row.entity)),
      waiting.filter((row) => isMasterEntity(row.entity)),
    ];
    expect(master.map((row) => row.entity)).toContain('staff');
    const latest = new Map(own.map((row) => [`${row.entity}/${row.entity_id}`, row.payload]));
    const rows = await hq.db.selectFrom('hq_rows').select(['entity', 'entity_id', 'hash']).execute();
    expect(rows.length).toBe(latest.size);
    for (const row of rows) {
      const payload = latest.get(`${row.entity}/${row.entity_id}`) ?? '';
      expect(row.hash).toBe(createHash('sha256').update(payload).digest('hex'));
    }
    const quarantined = await hq.db
      .selectFrom('hq_quarantine')
      .select(['entity', 'reason'])
      .orderBy('seq')
      .execute();
    expect(quarantined).toEqual(master.map((row) => ({ entity: row.entity, reason: 'master_data' })));
  });

  it('keeps every row when headquarters cannot be reached, says why, and sends them once it can', async () => {
    const { hq, url } = await listening();
    const store = await repairStore();
    const { code } = await createEnrolmentCode(hq.db, 'SH01', 24, hq.now());
    expect((await store.as('admin')('sync.enrol', { serverUrl: url, code, deviceName: '前台' })).ok).toBe(
      true,
    );
    await store.take();
    const depth = (store.core.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    store.core.sqlite.prepare("UPDATE sync_state SET server_url = 'http://127.0.0.1:9'").run(); // nothing listens
    const down = await store.as('clerk')('sync.now', {});
    expect(down.ok && down.value).toMatchObject({ outboxDepth: depth, lastSuccessAt: null });
    expect(down.ok && down.value.lastError).toMatch(/unreachable/);
    store.core.sqlite.prepare('UPDATE sync_state SET server_url = ?').run(url);
    const up = await store.as('clerk')('sync.now', {});
    expect(up.ok && up.value).toMatchObject({ outboxDepth: 0, lastError: '' });
  });

  it('refuses a code made for another store, and keeps the counter unenrolled', async () => {
    const { hq, url } = await listening();
    const store = await repairStore();
    const { addStore } = await import('../../server/stores');
    await addStore(hq.db, { code: 'BJ02', name: '北京西单店' }, hq.now());
    const { code } = await createEnrolmentCode(hq.db, 'BJ02', 24, hq.now());
    const refused = await store.as('admin')('sync.enrol', { serverUrl: url, code, deviceName: '前台' });
    expect(refused.ok || refused.error).toMatchObject({ code: 'conflict', fields: { code: 'other_store' } });
    const status = await store.as('clerk')('sync.status', {});
    expect(status.ok && status.value.enrolled).toBe(false);
  });

  it('enrols again (a new device) after pushing, and goes on pushing from where its outbox is', async () => {
    const { hq, url } = await listening();
    const store = await repairStore();
    await enrolCounter(hq, url, store, 'SH01');
    await store.take();
    expect(value(await store.as('clerk')('sync.now', {}))).toMatchObject({ lastError: '', outboxDepth: 0 });
    const first = store.core.sqlite.prepare('SELECT device_id FROM sync_state').get();
    await enrolCounter(hq, url, store, 'SH01');
    expect(store.core.sqlite.prepare('SELECT device_id FROM sync_state').get()).not.toEqual(first);
    await store.take();
    expect(value(await store.as('clerk')('sync.now', {}))).toMatchObject({ lastError: '', outboxDepth: 0 });
    const devices = await hq.db.selectFrom('hq_positions').select('device_id').execute();
    expect(devices).toHaveLength(2);
  });
});
