import { describe, expect, it } from 'vitest';
import { addStore, createEnrolmentCode, revokeDevice } from '../../server/stores';
import { importMasterFile } from '../../server/master-file';
import { asDevice, chainMaster, enrolledCounter, headquarters, outboxRow } from '../helpers/hq';

describe('headquarters: stores, enrolment, devices', () => {
  it('answers its health check from the database', async () => {
    const hq = await headquarters('embedded');
    const health = await hq.app.inject({ method: 'GET', url: '/health' });
    expect([health.statusCode, health.json()]).toEqual([200, { ok: true }]);
    await hq.close();
  });

  it('enrols a counter once with a one-time code; the credential then names the store, until revoked', async () => {
    const hq = await headquarters('embedded');
    const { code } = await createEnrolmentCode(hq.db, 'SH01', 24, hq.now());
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const enrol = (body: object) => hq.app.inject({ method: 'POST', url: '/v1/enrol', payload: body });

    const counter = { storeId: 'counter-store-1', storeCode: 'SH01' };
    const wrongStore = await enrol({ code, deviceName: '前台一号机', storeId: 'x', storeCode: 'BJ02' });
    expect([wrongStore.statusCode, wrongStore.json().error.code]).toEqual([409, 'conflict']);
    const first = await enrol({ code: code.toLowerCase(), deviceName: '前台一号机', ...counter });
    expect(first.statusCode).toBe(200);
    const credential = first.json<{ deviceId: string; secret: string; storeCode: string }>();
    expect(credential).toMatchObject({
      storeId: 'counter-store-1',
      storeCode: 'SH01',
      storeName: '上海南京路店',
    });
    // The code is spent: a second counter (or a replay) cannot use it.
    const again = await enrol({ code, deviceName: '前台二号机', ...counter });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'code_used']);
    // Only a hash of the secret is kept.
    const kept = await hq.db.selectFrom('hq_devices').select('secret_hash').executeTakeFirstOrThrow();
    expect(kept.secret_hash).not.toContain(credential.secret);

    const whoami = await hq.app.inject({ method: 'GET', url: '/v1/whoami', headers: asDevice(credential) });
    expect(whoami.json()).toEqual({
      deviceId: credential.deviceId,
      hqStoreId: hq.store.id,
      storeId: 'counter-store-1',
      storeCode: 'SH01',
    });
    const wrong = await hq.app.inject({
      method: 'GET',
      url: '/v1/whoami',
      headers: asDevice({ ...credential, secret: `${credential.secret.slice(0, -1)}x` }),
    });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'unauthenticated']);
    const none = await hq.app.inject({ method: 'GET', url: '/v1/whoami' });
    expect(none.statusCode).toBe(401);

    await revokeDevice(hq.db, credential.deviceId, hq.now());
    const revoked = await hq.app.inject({ method: 'GET', url: '/v1/whoami', headers: asDevice(credential) });
    expect([revoked.statusCode, revoked.json().error.code]).toEqual([403, 'revoked']);
    await hq.close();
  });

  it('refuses an expired code, an unknown one and a malformed body, and enrols no device', async () => {
    const hq = await headquarters('embedded');
    const { code } = await createEnrolmentCode(hq.db, 'SH01', 1, hq.now());
    hq.advance(3600_000 + 1);
    const expired = await hq.app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: { code, deviceName: 'x', storeId: 's', storeCode: 'SH01' },
    });
    expect([expired.statusCode, expired.json().error.code]).toEqual([401, 'unauthenticated']);
    const unknown = await hq.app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: { code: 'ABCDEFGHJK', deviceName: 'x', storeId: 's', storeCode: 'SH01' },
    });
    expect(unknown.statusCode).toBe(401);
    const malformed = await hq.app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: { code, deviceName: '', extra: 1 },
    });
    expect([malformed.statusCode, malformed.json().error.code]).toEqual([400, 'invalid_input']);
    const notJson = await hq.app.inject({
      method: 'POST',
      url: '/v1/enrol',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(notJson.statusCode).toBe(400);
    expect(await hq.db.selectFrom('hq_devices').selectAll().execute()).toEqual([]);
    await expect(addStore(hq.db, { code: 'SH01', name: '又一个' }, hq.now())).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(addStore(hq.db, { code: 'sh 2', name: '小写' }, hq.now())).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await hq.db.selectFrom('hq_stores').select('code').execute()).toEqual([{ code: 'SH01' }]);
    await hq.close();
  });

  it('runs push and the master data feed on the embedded database (npm run server without DATABASE_URL)', async () => {
    const hq = await headquarters('embedded');
    const counter = await enrolledCounter(hq);
    await importMasterFile(hq.db, chainMaster(), hq.now());
    const pulled = await hq.app.inject({ method: 'GET', url: '/v1/pull?after=0', headers: counter.headers });
    expect(pulled.json()).toMatchObject({ remaining: 0 });
    expect((pulled.json() as { rows: unknown[] }).rows).toHaveLength(14);
    const rows = [outboxRow(1, counter.storeId, 'tickets', { id: 't1' })];
    const pushed = await hq.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: counter.headers,
      payload: { dbInstanceId: counter.dbInstanceId, firstSeq: 1, rows },
    });
    expect(pushed.json()).toEqual({ acknowledged: 1 });
    await hq.close();
  });
});
