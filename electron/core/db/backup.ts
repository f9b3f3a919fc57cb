import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { SqliteHandle } from './open';

/**
 * Copies a live database with SQLite's online backup API (never a file copy: a copy taken mid-write
 * can be torn), turns the copy into a single self-contained file and checks its integrity. A copy
 * that fails the check is deleted, so every backup file on disk has passed it.
 */
export async function backupDatabase(
  source: SqliteHandle,
  destination: string,
  onProgress: (fraction: number) => void = () => {},
  nativeBinding?: string,
): Promise<void> {
  const partial = `${destination}.partial`;
  try {
    await source.backup(partial, {
      progress({ totalPages, remainingPages }) {
        onProgress(totalPages === 0 ? 1 : 1 - remainingPages / totalPages);
        return 256; // pages per step: small steps keep the event loop (and the counter) responsive
      },
    });
    const copy = new Database(partial, { nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
      const verdict = integrityOf(copy);
      if (verdict !== 'ok') throw new Error(`backup failed its integrity check: ${verdict}`);
    } finally {
      copy.close();
    }
    fs.renameSync(partial, destination);
    onProgress(1);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** `ok`, or SQLite's first complaint; also refuses files that are not SQLite databases at all. */
export function integrityCheckFile(file: string, nativeBinding?: string): string {
  let db: SqliteHandle | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    return integrityOf(db);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

function integrityOf(db: SqliteHandle): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).join('; ');
}
