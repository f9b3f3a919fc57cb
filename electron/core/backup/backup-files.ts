import fs from 'node:fs';
import path from 'node:path';
import type { OutputOf } from '../../../shared/contract';

export type BackupFile = OutputOf<'backup.list'>[number];

/** Reasons whose backups rotate; safety copies (pre-migrate, pre-restore) are kept until removed by hand. */
export const rotatedReasons = ['manual', 'daily', 'on-close'];

const pattern = /^rc-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-([a-z0-9-]{1,40})\.sqlite$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `rc-YYYYMMDD-HHMMSS-mmm-<reason>.sqlite`, in UTC so names sort by time on every machine. */
export function backupFileName(at: number, reason: string): string {
  const d = new Date(at);
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `rc-${date}-${time}-${pad(d.getUTCMilliseconds(), 3)}-${reason}.sqlite`;
}

export function parseBackupName(name: string): { createdAt: number; reason: string } | null {
  const m = pattern.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = m.map((part, i) => (i === 8 ? part : Number(part)));
  const createdAt = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(ms),
  );
  return { createdAt, reason: String(reason) };
}

/** Backups in a folder, newest first. Only names this app writes are listed, nothing else. */
export function listBackupFiles(folder: string): BackupFile[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .flatMap((name) => {
      const parsed = parseBackupName(name);
      return parsed ? [{ name, ...parsed, sizeBytes: fs.statSync(path.join(folder, name)).size }] : [];
    })
    .sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/** Deletes the oldest rotated backups beyond `keep`; returns the names removed. */
export function rotateBackups(folder: string, keep: number): string[] {
  const stale = listBackupFiles(folder)
    .filter((file) => rotatedReasons.includes(file.reason))
    .slice(keep);
  for (const file of stale) fs.rmSync(path.join(folder, file.name), { force: true });
  return stale.map((file) => file.name);
}
