import type { Core } from '../core';
import { listBackupFiles, rotatedReasons } from './backup-files';
import { runBackup } from './backup.service';

const day = 24 * 60 * 60_000;

/** Takes the daily backup if the newest routine backup is more than a day old. */
export async function backupIfDue(core: Core): Promise<boolean> {
  if (!core.storeId || core.maintenance || core.backups.running()) return false;
  const newest = listBackupFiles(core.backupFolder).find((file) => rotatedReasons.includes(file.reason));
  if (newest && core.now() - newest.createdAt < day) return false;
  await runBackup(core, 'daily');
  return true;
}

/** Checks hourly (and now); returns a function that stops the schedule. */
export function scheduleDailyBackups(core: Core, log: (error: unknown) => void): () => void {
  const check = () => void backupIfDue(core).catch(log);
  check();
  const timer = setInterval(check, 60 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** The backup taken when the app closes, so the newest copy is never older than the last session. */
export async function backupOnClose(core: Core): Promise<void> {
  if (!core.storeId || core.maintenance) return;
  await runBackup(core, 'on-close'); // waits its turn behind a running backup
}
