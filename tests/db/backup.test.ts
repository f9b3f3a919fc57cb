import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupIfDue, backupOnClose } from '../../electron/core/backup/backup-schedule';
import { runBackup } from '../../electron/core/backup/backup.service';
import { backupFileName, listBackupFiles, parseBackupName } from '../../electron/core/backup/backup-files';
import { integrityCheckFile } from '../../electron/core/db/backup';
import { openSqlite } from '../../electron/core/db/open';
import {
  addStaff,
  manualClock,
  openTestCore,
  rpc,
  setUpStore,
  tableCounts,
  tempDir,
  value,
} from '../helpers/core';

const staffNames = (core: Awaited<ReturnType<typeof openTestCore>>) =>
  (core.sqlite.prepare('SELECT name FROM staff ORDER BY name').all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('backups', () => {
  it('takes an online backup on demand, reporting progress, that passes an integrity check', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const started = value(await rpc(core, 'backup.start', {}, { token: adminToken }));
    expect(started.state).toBe('running');
    // Asking again while it runs joins the same job rather than starting a second copy.
    expect(value(await rpc(core, 'backup.start', {}, { token: adminToken })).jobId).toBe(started.jobId);
    await core.backups.idle();
    const done = value(await rpc(core, 'backup.progress', { jobId: started.jobId }, { token: adminToken }));
    expect(done).toMatchObject({ state: 'done', progress: 1, error: null });
    const file = path.join(core.backupFolder, done.backup?.name ?? '');
    expect(integrityCheckFile(file)).toBe('ok');
    const copy = openSqlite(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
    expect(copy.prepare('SELECT code FROM stores').get()).toEqual({ code: 'SH01' });
    copy.close();
    const listed = value(await rpc(core, 'backup.list', {}, { token: adminToken }));
    expect(listed.map((b) => b.name)).toEqual([done.backup?.name]);
    expect(
      core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backup.create'").get(),
    ).toEqual({ n: 1 });
  });

  it('keeps only the newest backups, never rotating away safety copies', async () => {
    const clock = manualClock();
    const core = await openTestCore({ now: clock.now });
    const { adminToken } = await setUpStore(core);
    value(await rpc(core, 'settings.update', { backupKeep: 2 }, { token: adminToken }));
    await runBackup(core, 'pre-restore');
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      await runBackup(core, 'manual');
    }
    const kept = listBackupFiles(core.backupFolder);
    expect(kept.map((b) => b.reason)).toEqual(['manual', 'manual', 'pre-restore']);
    expect(kept[0]?.createdAt).toBe(clock.now());
  });

  it('takes the daily backup only when the newest routine one is a day old, and one on close', async () => {
    const clock = manualClock();
    const core = await openTestCore({ now: clock.now });
    await setUpStore(core);
    expect(await backupIfDue(core)).toBe(true);
    clock.advance(23 * 3600_000);
    expect(await backupIfDue(core)).toBe(false);
    clock.advance(3600_000 + 1);
    expect(await backupIfDue(core)).toBe(true);
    await backupOnClose(core);
    expect(listBackupFiles(core.backupFolder).map((b) => b.reason)).toEqual(['on-close', 'daily', 'daily']);
  });

  it('writes to the configured backup folder, and refuses a relative or unwritable one', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const folder = path.join(tempDir(), 'usb-drive', 'backups');
    value(await rpc(core, 'settings.update', { backupFolder: folder }, { token: adminToken }));
    await runBackup(core, 'manual');
    expect(fs.readdirSync(folder)).toHaveLength(1);
    expect(
      await rpc(core, 'settings.update', { backupFolder: 'relative/dir' }, { token: adminToken }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { backupFolder: 'backup_folder_relative' } },
    });
    expect(
      await rpc(core, 'settings.update', { backupFolder: '/proc/nope' }, { token: adminToken }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.settings.backupFolder).toBe(folder);
  });

  it('restores exactly the rows of the chosen backup, keeping the current database aside', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    await addStaff(core, adminToken, 'clerk', '1111');
    const snapshot = await runBackup(core, 'manual');
    const rowsAtBackup = core.sqlite.prepare('SELECT * FROM staff ORDER BY id').all();
    await addStaff(core, adminToken, 'technician', '2222');
    value(
      await rpc(
        core,
        'store.update',
        { name: '改名后的店', address: '', phone: '', timeZone: 'Asia/Shanghai', currency: 'CNY' },
        { token: adminToken },
      ),
    );
    const instanceBefore = core.sqlite.prepare("SELECT value FROM meta WHERE key = 'db_instance_id'").get();

    const result = value(await rpc(core, 'backup.restore', { name: snapshot.name }, { token: adminToken }));

    expect(core.sqlite.prepare('SELECT * FROM staff ORDER BY id').all()).toEqual(rowsAtBackup);
    expect(staffNames(core)).not.toContain('technician-2222');
    expect(core.sqlite.prepare('SELECT name FROM stores').get()).toEqual({ name: '上海南京路店' });
    expect(core.sqlite.prepare("SELECT value FROM meta WHERE key = 'db_instance_id'").get()).not.toEqual(
      instanceBefore,
    );
    expect(core.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    // The database as it was before the restore is kept aside, whole.
    const aside = openSqlite(path.join(core.backupFolder, result.keptAside), { readonly: true });
    expect(aside.prepare('SELECT name FROM stores').get()).toEqual({ name: '改名后的店' });
    expect(
      (aside.prepare("SELECT count(*) AS n FROM staff WHERE name = 'technician-2222'").get() as { n: number })
        .n,
    ).toBe(1);
    aside.close();
    expect(parseBackupName(result.keptAside)?.reason).toBe('pre-restore');
    // Audited in the restored database; everyone signed out.
    expect(
      core.sqlite.prepare("SELECT entity_id FROM audit_log WHERE action = 'backup.restore'").get(),
    ).toEqual({ entity_id: snapshot.name });
    expect(await rpc(core, 'store.get', {}, { token: adminToken })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('refuses to restore a damaged file or a name outside the backup folder, changing nothing', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const damaged = backupFileName(core.now(), 'manual');
    fs.mkdirSync(core.backupFolder, { recursive: true });
    fs.writeFileSync(path.join(core.backupFolder, damaged), 'SQLite format 3\0 but not really');
    const before = core.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get();
    expect(await rpc(core, 'backup.restore', { name: damaged }, { token: adminToken })).toMatchObject({
      ok: false,
      error: { code: 'backup_failed' },
    });
    expect(
      await rpc(core, 'backup.restore', { name: '../repair-counter.sqlite' }, { token: adminToken }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
    expect(listBackupFiles(core.backupFolder).map((b) => b.name)).toEqual([damaged]);
  });

  it('is refused to a clerk without an override', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const clerk = await addStaff(core, adminToken, 'clerk');
    const snapshot = await runBackup(core, 'manual');
    expect(await rpc(core, 'backup.restore', { name: snapshot.name }, { token: clerk.token })).toMatchObject({
      ok: false,
      error: { code: 'override_required' },
    });
  });

  it('runs one restore at a time: a second one at the same moment is refused, nothing breaks', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const snapshot = await runBackup(core, 'manual');
    const [first, second] = await Promise.all([
      rpc(core, 'backup.restore', { name: snapshot.name }, { token: adminToken }),
      rpc(core, 'backup.restore', { name: snapshot.name }, { token: adminToken }),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(core.maintenance).toBe(false);
    expect(core.sqlite.prepare('SELECT code FROM stores').get()).toEqual({ code: 'SH01' });
  });

  it('waits for a running backup before swapping the database', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const snapshot = await runBackup(core, 'manual');
    const daily = runBackup(core, 'daily');
    const restored = rpc(core, 'backup.restore', { name: snapshot.name }, { token: adminToken });
    const [backup, result] = await Promise.all([daily, restored]);
    expect(result.ok).toBe(true);
    expect(integrityCheckFile(path.join(core.backupFolder, backup.name))).toBe('ok');
  });

  it("refuses another store's backup", async () => {
    const ours = await openTestCore();
    const { adminToken } = await setUpStore(ours);
    const theirs = await openTestCore();
    await setUpStore(theirs);
    const foreign = await runBackup(theirs, 'manual');
    fs.mkdirSync(ours.backupFolder, { recursive: true });
    fs.copyFileSync(path.join(theirs.backupFolder, foreign.name), path.join(ours.backupFolder, foreign.name));
    const result = await rpc(ours, 'backup.restore', { name: foreign.name }, { token: adminToken });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This backup belongs to another store' },
    });
  });

  it('keeps the audit trail written after the backup, the override that allowed the restore included', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const supervisor = await addStaff(core, adminToken, 'supervisor', '8642');
    const clerk = await addStaff(core, adminToken, 'clerk', '1357');
    const snapshot = await runBackup(core, 'manual');
    const { overrideToken } = value(
      await rpc(
        core,
        'auth.override',
        {
          supervisorId: supervisor.id,
          pin: supervisor.pin,
          method: 'backup.restore',
          request: { name: snapshot.name },
        },
        { token: clerk.token },
      ),
    );
    value(await rpc(core, 'backup.restore', { name: snapshot.name }, { token: clerk.token, overrideToken }));
    const actions = (
      core.sqlite.prepare('SELECT action FROM audit_log ORDER BY at, id').all() as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toContain('auth.override');
    expect(actions.filter((a) => a === 'staff.create')).toHaveLength(2);
    expect(actions.at(-1)).toBe('backup.restore');
  });

  it('lets only an admin move the backup folder', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const supervisor = await addStaff(core, adminToken, 'supervisor');
    const before = tableCounts(core);
    const result = await rpc(
      core,
      'settings.update',
      { backupFolder: tempDir() },
      { token: supervisor.token },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(tableCounts(core)).toEqual(before);
    expect((await rpc(core, 'settings.update', { backupKeep: 7 }, { token: supervisor.token })).ok).toBe(
      true,
    );
  });
});
