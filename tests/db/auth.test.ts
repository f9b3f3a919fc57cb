import { latestSchemaVersion } from '../../electron/core/db/migrations';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import {
  addStaff,
  adminPin,
  manualClock,
  openTestCore,
  rpc,
  setUpStore,
  storeInput,
  tableCounts,
  value,
} from '../helpers/core';

describe('first run', () => {
  it('reports set-up state, and setup is allowed exactly once', async () => {
    const core = await openTestCore();
    expect(value(await rpc(core, 'system.status', {}))).toMatchObject({
      setUp: false,
      storeName: null,
      timeZone: null,
      schemaVersion: latestSchemaVersion,
    });
    await setUpStore(core);
    expect(value(await rpc(core, 'system.status', {}))).toMatchObject({
      setUp: true,
      storeName: '上海南京路店',
      timeZone: 'Asia/Shanghai', // screens show times on the store's clock
      language: 'zh-CN',
    });
    const before = tableCounts(core);
    const again = await rpc(core, 'setup.create', storeInput);
    expect(again).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
    expect(tableCounts(core)).toEqual(before);
  });

  it('refuses a bad store code and a short PIN with field errors, writing nothing', async () => {
    const core = await openTestCore();
    const before = tableCounts(core);
    const result = await rpc(core, 'setup.create', {
      ...storeInput,
      store: { ...storeInput.store, code: 'sh 01' },
      admin: { name: 'x', pin: '12' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(Object.keys(result.error.fields ?? {})).toEqual(
      expect.arrayContaining(['store.code', 'admin.pin']),
    );
    expect(tableCounts(core)).toEqual(before);
  });

  it('stores the PIN only as a salted scrypt hash', async () => {
    const core = await openTestCore();
    const { adminId } = await setUpStore(core);
    const { pin_hash } = core.sqlite.prepare('SELECT pin_hash FROM staff WHERE id = ?').get(adminId) as {
      pin_hash: string;
    };
    expect(pin_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(pin_hash).not.toContain(adminPin);
  });
});

describe('sign-in', () => {
  it('needs a session for every method except status, setup, roster and sign-in', async () => {
    const core = await openTestCore();
    await setUpStore(core);
    const open = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].access === 'public');
    expect(open.sort()).toEqual(['auth.roster', 'auth.signIn', 'setup.create', 'system.status']);
    for (const method of Object.keys(contract) as MethodName[]) {
      if (open.includes(method)) continue;
      const result = await rpc(core, method, {} as never);
      // Either the input is refused first, or the missing session is: never a success.
      expect(result.ok, method).toBe(false);
      if (!result.ok) expect(['unauthenticated', 'invalid_input'], method).toContain(result.error.code);
    }
    expect(await rpc(core, 'settings.get', {}, { token: 'made-up' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('tells a wrong PIN how many tries are left, and audits it', async () => {
    const core = await openTestCore();
    const { adminId } = await setUpStore(core);
    const result = await rpc(core, 'auth.signIn', { staffId: adminId, pin: '0000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'wrong_pin', details: { attemptsLeft: 4 } } });
    expect(
      core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.wrongPin'").get(),
    ).toEqual({ n: 1 });
  });

  it('locks a person out after repeated wrong PINs, even for the right PIN, until the time passes', async () => {
    const clock = manualClock();
    const core = await openTestCore({ now: clock.now });
    const { adminId } = await setUpStore(core);
    for (let i = 0; i < 4; i++)
      expect((await rpc(core, 'auth.signIn', { staffId: adminId, pin: '0000' })).ok).toBe(false);
    const fifth = await rpc(core, 'auth.signIn', { staffId: adminId, pin: '0000' });
    expect(fifth).toMatchObject({
      ok: false,
      error: { code: 'locked_out', details: { retryAt: clock.now() + 15 * 60_000 } },
    });
    expect(await rpc(core, 'auth.signIn', { staffId: adminId, pin: adminPin })).toMatchObject({
      ok: false,
      error: { code: 'locked_out' },
    });
    expect(
      core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.lockout'").get(),
    ).toEqual({ n: 1 });
    clock.advance(15 * 60_000 + 1);
    expect((await rpc(core, 'auth.signIn', { staffId: adminId, pin: adminPin })).ok).toBe(true);
  });

  it('counts a burst of simultaneous guesses one by one: the right PIN cannot be found in a burst', async () => {
    const core = await openTestCore();
    const { adminId } = await setUpStore(core);
    const guesses = Array.from({ length: 40 }, (_, i) => String(1000 + i));
    const results = await Promise.all(
      guesses.map((pin) => rpc(core, 'auth.signIn', { staffId: adminId, pin })),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'wrong_pin')).toHaveLength(4);
    expect(codes.filter((c) => c === 'locked_out')).toHaveLength(36);
    expect(await rpc(core, 'auth.signIn', { staffId: adminId, pin: adminPin })).toMatchObject({
      ok: false,
      error: { code: 'locked_out' },
    });
  });

  it('lets an admin lift a lock-out', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const clerk = await addStaff(core, adminToken, 'clerk');
    for (let i = 0; i < 5; i++) await rpc(core, 'auth.signIn', { staffId: clerk.id, pin: '0000' });
    expect(
      value(await rpc(core, 'staff.list', {}, { token: adminToken })).find((s) => s.id === clerk.id)
        ?.lockedUntil,
    ).toBeTypeOf('number');
    value(await rpc(core, 'staff.unlock', { id: clerk.id }, { token: adminToken }));
    expect((await rpc(core, 'auth.signIn', { staffId: clerk.id, pin: clerk.pin })).ok).toBe(true);
  });

  it('refuses inactive staff', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const clerk = await addStaff(core, adminToken, 'clerk');
    value(await rpc(core, 'staff.update', { id: clerk.id, active: false }, { token: adminToken }));
    expect(await rpc(core, 'settings.get', {}, { token: clerk.token })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await rpc(core, 'auth.signIn', { staffId: clerk.id, pin: clerk.pin })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(value(await rpc(core, 'auth.roster', {})).map((s) => s.id)).not.toContain(clerk.id);
  });
});

describe('roles are enforced by the core', () => {
  it('a clerk may not manage staff or change settings; an admin may', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const clerk = await addStaff(core, adminToken, 'clerk');
    const before = tableCounts(core);
    expect(
      await rpc(core, 'staff.create', { name: 'x', role: 'admin', pin: '1111' }, { token: clerk.token }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rpc(core, 'settings.update', { idleLockMinutes: 60 }, { token: clerk.token })).toMatchObject(
      { ok: false, error: { code: 'forbidden' } },
    );
    expect(tableCounts(core)).toEqual(before);
    expect(
      value(await rpc(core, 'settings.update', { idleLockMinutes: 60 }, { token: adminToken }))
        .idleLockMinutes,
    ).toBe(60);
  });

  it('a role change takes effect at once: the old session ends', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const supervisor = await addStaff(core, adminToken, 'supervisor');
    value(await rpc(core, 'staff.update', { id: supervisor.id, role: 'clerk' }, { token: adminToken }));
    expect(await rpc(core, 'settings.update', { backupKeep: 3 }, { token: supervisor.token })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });
});

describe('idle lock', () => {
  it('locks a session idle past the setting; only its owner PIN unlocks it', async () => {
    const clock = manualClock();
    const core = await openTestCore({ now: clock.now });
    const { adminToken } = await setUpStore(core);
    expect((await rpc(core, 'settings.get', {}, { token: adminToken })).ok).toBe(true);
    clock.advance(5 * 60_000 + 1);
    expect(await rpc(core, 'settings.get', {}, { token: adminToken })).toMatchObject({
      ok: false,
      error: { code: 'session_locked' },
    });
    expect(await rpc(core, 'auth.unlock', { pin: '9999' }, { token: adminToken })).toMatchObject({
      ok: false,
      error: { code: 'wrong_pin' },
    });
    value(await rpc(core, 'auth.unlock', { pin: adminPin }, { token: adminToken }));
    expect((await rpc(core, 'settings.get', {}, { token: adminToken })).ok).toBe(true);
  });

  it('locks on request', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    value(await rpc(core, 'auth.lock', {}, { token: adminToken }));
    expect(await rpc(core, 'store.get', {}, { token: adminToken })).toMatchObject({
      ok: false,
      error: { code: 'session_locked' },
    });
  });
});

describe('supervisor override', () => {
  it('lets a clerk make one protected call with a supervisor PIN, audited with the supervisor', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const supervisor = await addStaff(core, adminToken, 'supervisor', '8642');
    const clerk = await addStaff(core, adminToken, 'clerk', '1357');
    const job = value(await rpc(core, 'backup.start', {}, { token: clerk.token }));
    await core.backups.idle();
    const name =
      value(await rpc(core, 'backup.progress', { jobId: job.jobId }, { token: clerk.token })).backup?.name ??
      '';

    expect(await rpc(core, 'backup.restore', { name }, { token: clerk.token })).toMatchObject({
      ok: false,
      error: { code: 'override_required' },
    });
    expect(
      await rpc(
        core,
        'auth.override',
        { supervisorId: supervisor.id, pin: '0000', method: 'backup.restore', request: { name } },
        { token: clerk.token },
      ),
    ).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expect(
      await rpc(
        core,
        'auth.override',
        { supervisorId: clerk.id, pin: clerk.pin, method: 'backup.restore', request: { name } },
        { token: clerk.token },
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await rpc(
        core,
        'auth.override',
        { supervisorId: supervisor.id, pin: supervisor.pin, method: 'staff.create', request: {} },
        { token: clerk.token },
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const { overrideToken } = value(
      await rpc(
        core,
        'auth.override',
        { supervisorId: supervisor.id, pin: supervisor.pin, method: 'backup.restore', request: { name } },
        { token: clerk.token },
      ),
    );
    value(await rpc(core, 'backup.restore', { name }, { token: clerk.token, overrideToken }));
    const audit = core.sqlite
      .prepare("SELECT staff_id, override_by FROM audit_log WHERE action = 'backup.restore'")
      .get();
    expect(audit).toEqual({ staff_id: clerk.id, override_by: supervisor.id });
  });

  it('an override is single-use, bound to its session, method and request, and expires', async () => {
    const clock = manualClock();
    const core = await openTestCore({ now: clock.now });
    const { adminToken } = await setUpStore(core);
    const supervisor = await addStaff(core, adminToken, 'supervisor', '8642');
    const clerk = await addStaff(core, adminToken, 'clerk', '1357');
    const other = await addStaff(core, adminToken, 'clerk', '9753');
    const name = 'rc-20260101-000000-000-manual.sqlite';
    const grant = async (request: Record<string, unknown> = { name }) =>
      value(
        await rpc(
          core,
          'auth.override',
          { supervisorId: supervisor.id, pin: supervisor.pin, method: 'backup.restore', request },
          { token: clerk.token },
        ),
      ).overrideToken;
    const restore = (token: string, overrideToken: string, backup = name) =>
      rpc(core, 'backup.restore', { name: backup }, { token, overrideToken });

    // Allowed for one backup, it does not restore another.
    const forOther = await grant({ name: 'rc-20250101-000000-000-manual.sqlite' });
    expect(await restore(clerk.token, forOther)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const malformed = await rpc(
      core,
      'auth.override',
      { supervisorId: supervisor.id, pin: supervisor.pin, method: 'backup.restore', request: { nope: 1 } },
      { token: clerk.token },
    );
    expect(malformed).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { request: 'invalid' } },
    });

    const once = await grant();
    expect(await restore(clerk.token, once)).toMatchObject({ ok: false, error: { code: 'not_found' } }); // got past the role check
    expect(await restore(clerk.token, once)).toMatchObject({ ok: false, error: { code: 'forbidden' } }); // used up
    expect(await restore(other.token, await grant())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const late = await grant();
    clock.advance(2 * 60_000 + 1);
    expect(await rpc(core, 'auth.unlock', { pin: clerk.pin }, { token: clerk.token })).toMatchObject({
      ok: true,
    });
    expect(await restore(clerk.token, late)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('personal language', () => {
  it('is kept per staff member and returned at sign-in', async () => {
    const core = await openTestCore();
    const { adminId, adminToken } = await setUpStore(core);
    value(await rpc(core, 'auth.setLanguage', { language: 'en' }, { token: adminToken }));
    const again = value(await rpc(core, 'auth.signIn', { staffId: adminId, pin: adminPin }));
    expect(again.staff.language).toBe('en');
  });
});
