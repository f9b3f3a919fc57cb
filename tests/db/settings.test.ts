import { describe, expect, it } from 'vitest';
import { addStaff, openTestCore, rpc, setUpStore, tableCounts, tempDir, value } from '../helpers/core';

describe('settings', () => {
  it('start from defaults, with the receipt terms in the language chosen at setup', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const settings = value(await rpc(core, 'settings.get', {}, { token: adminToken }));
    expect(settings).toMatchObject({
      language: 'zh-CN',
      paperSize: '80mm',
      backupKeep: 14,
      idleLockMinutes: 5,
    });
    expect(settings.receiptTerms).toContain('请凭本单取机');
  });

  it('are saved, audited and survive reopening the database', async () => {
    const dir = tempDir();
    const core = await openTestCore({ dataDir: dir });
    const { adminToken } = await setUpStore(core);
    const supervisor = await addStaff(core, adminToken, 'supervisor');
    value(
      await rpc(
        core,
        'settings.update',
        { receiptTerms: '新条款', receiptPrinter: 'XP-80C', paperSize: 'A5' },
        { token: supervisor.token },
      ),
    );
    expect(
      core.sqlite.prepare("SELECT staff_id FROM audit_log WHERE action = 'settings.update'").get(),
    ).toEqual({ staff_id: supervisor.id });
    await core.close();
    const reopened = await openTestCore({ dataDir: dir });
    expect(reopened.settings).toMatchObject({
      receiptTerms: '新条款',
      receiptPrinter: 'XP-80C',
      paperSize: 'A5',
    });
  });

  it('refuse out-of-range values and unknown keys, writing nothing', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const before = tableCounts(core);
    for (const input of [
      { idleLockMinutes: 0 },
      { paperSize: 'A3' },
      { backupKeep: 1.5 },
      { receiptTerms: 'x'.repeat(4001) },
      { secretKey: 1 },
    ]) {
      const result = await rpc(core, 'settings.update', input as never, { token: adminToken });
      expect(result, JSON.stringify(input).slice(0, 40)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(tableCounts(core)).toEqual(before);
  });

  it('read a damaged stored value as its default instead of failing to start', async () => {
    const dir = tempDir();
    const core = await openTestCore({ dataDir: dir });
    await setUpStore(core);
    core.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('idleLockMinutes', '\"soon\"', 1)")
      .run();
    await core.close();
    expect((await openTestCore({ dataDir: dir })).settings.idleLockMinutes).toBe(5);
  });
});

describe('store profile', () => {
  it('an admin edits it; the code stays fixed; a bad time zone is refused', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const profile = {
      name: '上海二店',
      address: '淮海路 8 号',
      phone: '021-6666',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
    };
    expect(value(await rpc(core, 'store.update', profile, { token: adminToken }))).toMatchObject({
      ...profile,
      code: 'SH01',
    });
    expect(
      await rpc(core, 'store.update', { ...profile, timeZone: 'Mars/Olympus' }, { token: adminToken }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { timeZone: 'unknown_time_zone' } },
    });
    expect(
      await rpc(core, 'store.update', { ...profile, code: 'XX99' } as never, { token: adminToken }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
