import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import { recordEvent } from '../changes';
import type { Ctx } from '../context';
import { ensureDir } from '../fs-util';
import { ensureInstanceId, type Core } from '../core';
import { backupDatabase, integrityCheckFile } from '../db/backup';
import { DatabaseTooNewError, planMigrations } from '../db/migrate';
import { kyselyFor, openSqlite } from '../db/open';
import {
  backupFileName,
  listBackupFiles,
  parseBackupName,
  rotateBackups,
  type BackupFile,
} from './backup-files';

/** Takes one online backup into the backup folder and rotates old ones, in turn with restores. */
export const runBackup = (
  core: Core,
  reason: string,
  onProgress?: (fraction: number) => void,
): Promise<BackupFile> => core.fileLock.run(() => takeBackup(core, reason, onProgress));

/** The backup itself; the caller holds `core.fileLock`. */
async function takeBackup(
  core: Core,
  reason: string,
  onProgress?: (fraction: number) => void,
): Promise<BackupFile> {
  const folder = core.backupFolder;
  ensureDir(folder);
  const name = backupFileName(core.now(), reason);
  const file = path.join(folder, name);
  await backupDatabase(core.sqlite, file, onProgress, core.options.nativeBinding);
  rotateBackups(folder, core.settings.backupKeep);
  return {
    name,
    reason,
    createdAt: parseBackupName(name)?.createdAt ?? core.now(),
    sizeBytes: fs.statSync(file).size,
  };
}

export const listBackups = async (ctx: Ctx): Promise<BackupFile[]> => listBackupFiles(ctx.core.backupFolder);

export async function startBackup(ctx: Ctx): Promise<OutputOf<'backup.start'>> {
  const { core } = ctx;
  return core.backups.start(async (onProgress) => {
    const backup = await runBackup(core, 'manual', onProgress);
    await core.db.transaction().execute((trx) =>
      recordEvent(trx, ctx, {
        action: 'backup.create',
        entity: 'backup',
        entityId: backup.name,
        details: { sizeBytes: backup.sizeBytes },
      }),
    );
    return backup;
  });
}

export async function backupProgress(
  ctx: Ctx,
  input: ParsedInputOf<'backup.progress'>,
): Promise<OutputOf<'backup.progress'>> {
  const job = ctx.core.backups.get(input.jobId);
  return job ? { ...job } : failWith('not_found', 'No such backup job');
}

/**
 * Replaces the database with a chosen backup. The current database is first backed up aside, the
 * chosen file must pass an integrity check and be one this version can open, and the copy back is
 * made with the backup API. Everyone is signed out: the staff list may differ in the restored data.
 */
export async function restoreBackup(
  ctx: Ctx,
  input: ParsedInputOf<'backup.restore'>,
): Promise<OutputOf<'backup.restore'>> {
  const { core } = ctx;
  // Raised before the first await: the dispatcher refuses every other call from here on.
  core.maintenance = true;
  try {
    const chosen = listBackupFiles(core.backupFolder).find((file) => file.name === input.name);
    if (!chosen) return failWith('not_found', 'No such backup in the backup folder');
    const file = path.join(core.backupFolder, chosen.name);
    const verdict = integrityCheckFile(file, core.options.nativeBinding);
    if (verdict !== 'ok') return failWith('backup_failed', `The backup is damaged: ${verdict}`);
    await assertRestorable(core, file);
    return await core.fileLock.run(async () => {
      const keptAside = await takeBackup(core, 'pre-restore');
      await core.closeDatabase();
      try {
        const source = new Database(file, { readonly: true, nativeBinding: core.options.nativeBinding });
        try {
          await source.backup(core.databaseFile);
        } finally {
          source.close();
        }
      } finally {
        await core.openDatabase(); // also migrates a backup taken by an older version
      }
      await ensureInstanceId(core.db, true);
      carryAuditTrail(core, path.join(core.backupFolder, keptAside.name));
      await core.db.transaction().execute((trx) =>
        recordEvent(trx, ctx, {
          action: 'backup.restore',
          entity: 'backup',
          entityId: chosen.name,
          details: { keptAside: keptAside.name },
        }),
      );
      core.sessions.clear();
      return { keptAside: keptAside.name };
    });
  } finally {
    core.maintenance = false;
  }
}

/**
 * The audit trail outlives a restore: entries written after the backup (including the override that
 * allowed this restore) are copied back from the copy kept aside.
 */
function carryAuditTrail(core: Core, keptAside: string): void {
  const columns = 'id, store_id, at, staff_id, override_by, action, entity, entity_id, details';
  core.sqlite.prepare('ATTACH DATABASE ? AS aside').run(keptAside);
  try {
    core.sqlite
      .prepare(`INSERT OR IGNORE INTO audit_log (${columns}) SELECT ${columns} FROM aside.audit_log`)
      .run();
  } finally {
    core.sqlite.prepare('DETACH DATABASE aside').run();
  }
}

/** The file must be this store's database, of a version this app can open. */
async function assertRestorable(core: Core, file: string): Promise<void> {
  const db = kyselyFor(openSqlite(file, { readonly: true, nativeBinding: core.options.nativeBinding }));
  try {
    await planMigrations(db);
    const store = await db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'local_store_id')
      .executeTakeFirst();
    if (store?.value !== core.storeId) failWith('conflict', 'This backup belongs to another store');
  } catch (error) {
    if (error instanceof DatabaseTooNewError) failWith('conflict', error.message);
    throw error;
  } finally {
    await db.destroy();
  }
}
