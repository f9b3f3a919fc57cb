import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import type { Settings } from '../../../shared/settings';
import { recordChange } from '../changes';
import type { Ctx } from '../context';
import { refuseIfHeadquarters, refuseLabourRateIfHeadquarters } from '../sync/master-apply';
import { ensureDir } from '../fs-util';
import { readSettings, writeSettings } from './settings.repository';

export const getSettings = async (ctx: Ctx): Promise<Settings> => ctx.core.settings;

export async function updateSettings(ctx: Ctx, input: ParsedInputOf<'settings.update'>): Promise<Settings> {
  if (input.backupFolder !== undefined) {
    // Where backups live decides what can be restored: an admin's decision alone.
    if (ctx.session?.role !== 'admin') failWith('forbidden', 'Only an admin may move the backup folder');
    if (input.backupFolder) checkBackupFolder(input.backupFolder);
  }
  const { core } = ctx;
  const settings = await core.db.transaction().execute(async (trx) => {
    // A settings form sends every field; only a change to what headquarters sets is refused.
    if (input.receiptTerms !== undefined && input.receiptTerms !== core.settings.receiptTerms) {
      await refuseIfHeadquarters(trx, 'receipt_terms', 'default', 'receiptTerms');
    }
    if (
      input.labourRatePerHourFen !== undefined &&
      input.labourRatePerHourFen !== core.settings.labourRatePerHourFen
    ) {
      await refuseLabourRateIfHeadquarters(trx);
    }
    await writeSettings(trx, input, core.now(), ctx.session?.staffId ?? null);
    const next = await readSettings(trx);
    await recordChange(trx, ctx, {
      action: 'settings.update',
      entity: 'settings',
      entityId: core.storeId ?? 'local',
      row: next,
      details: { changed: Object.keys(input) },
    });
    return next;
  });
  core.settings = settings;
  return settings;
}

/** A backup folder must be absolute and writable now, not on the night the backup runs. */
function checkBackupFolder(folder: string): void {
  const fields = (message: string) => ({ fields: { backupFolder: message } });
  if (!path.isAbsolute(folder)) {
    failWith('invalid_input', 'The backup folder must be an absolute path', fields('backup_folder_relative'));
  }
  try {
    ensureDir(folder);
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    failWith(
      'invalid_input',
      `Cannot write to backup folder ${folder}`,
      fields('backup_folder_not_writable'),
    );
  }
}
