import { Syncer } from './sync/syncer';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { OutputOf } from '../../shared/contract';
import { newId } from '../../shared/ids';
import type { Settings } from '../../shared/settings';
import { Overrides } from './auth/overrides';
import { ensureDir } from './fs-util';
import { Mutex } from './mutex';
import { Sessions } from './auth/sessions';
import { BackupJobs } from './backup/backup-jobs';
import { backupFileName } from './backup/backup-files';
import { seedCatalogueIfEmpty } from './catalogue/catalogue.repository';
import { backupDatabase } from './db/backup';
import { migrate, planMigrations } from './db/migrate';
import { kyselyFor, openSqlite, type SqliteHandle } from './db/open';
import type { DB } from './db/schema';
import { NotificationSender } from './notify/webhook-sender';
import { readSettings } from './settings/settings.repository';

export type Printer = OutputOf<'printers.list'>[number];

export type PrintJob = { html: string; deviceName: string; paperSize: '80mm' | 'A4' | 'A5' | 'label' };
export type PdfJob = { html: string; paperSize: '80mm' | 'A4'; fileName: string };

/** What only the host (Electron or the browser-mode server) can do. */
export type Platform = {
  listPrinters(): Promise<Printer[]>;
  /** Absent where the host cannot print by itself (browser mode prints through the browser). */
  print?(job: PrintJob): Promise<void>;
  /** Encrypts a secret for storage (Electron's safeStorage); absent where the host cannot. */
  protectSecret?(plain: string): string;
  revealSecret?(stored: string): string;
  /** Renders a document to PDF and saves it where the person chooses; null if they cancelled. */
  savePdf?(job: PdfJob): Promise<string | null>;
};

export type CoreOptions = {
  dataDir: string;
  appVersion: string;
  /** better-sqlite3 binary for the running runtime; unset under plain Node. */
  nativeBinding?: string;
  platform?: Platform;
  /** Injected so tests can move time instead of sleeping. */
  now?: () => number;
};

export const databaseFileName = 'repair-counter.sqlite';

/**
 * The running application core: one writer connection, the signed-in sessions and a cache of the
 * settings. Everything reads `core.db` at call time, because a restore swaps the connection.
 */
export class Core {
  sqlite!: SqliteHandle;
  db!: Kysely<DB>;
  storeId: string | null = null;
  settings!: Settings;
  readonly sessions: Sessions;
  readonly overrides: Overrides;
  readonly backups = new BackupJobs();
  /** Backups and restores take turns: a restore never swaps the file under a running backup. */
  readonly fileLock = new Mutex();
  readonly platform: Platform;
  readonly now: () => number;
  /** Set while a restore swaps the database; calls are refused meanwhile. */
  maintenance = false;
  /** Sends queued customer messages to the store's webhook; the host starts it, `close` stops it. */
  readonly notifier: NotificationSender = new NotificationSender(this);
  /** Pushes the outbox to headquarters in the background once enrolled; the host starts it. */
  readonly syncer: Syncer = new Syncer(this);

  private constructor(readonly options: CoreOptions) {
    this.now = options.now ?? Date.now;
    this.platform = options.platform ?? { listPrinters: async () => [] };
    this.sessions = new Sessions(this.now, () => this.settings.idleLockMinutes);
    this.overrides = new Overrides(this.now);
  }

  static async open(options: CoreOptions): Promise<Core> {
    const core = new Core(options);
    await core.openDatabase();
    return core;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get databaseFile(): string {
    return path.join(this.dataDir, databaseFileName);
  }

  get backupFolder(): string {
    return this.settings.backupFolder || path.join(this.dataDir, 'backups');
  }

  /** Opens (creating if new), migrates and caches what every call needs. */
  async openDatabase(): Promise<void> {
    ensureDir(this.dataDir);
    const sqlite = openSqlite(this.databaseFile, { nativeBinding: this.options.nativeBinding });
    const db = kyselyFor(sqlite);
    try {
      const plan = await planMigrations(db);
      if (plan.pending.length > 0 && hasTables(sqlite)) {
        await this.backupBeforeMigrating(sqlite, db, plan.applied.length);
      }
      await migrate(db);
      await ensureInstanceId(db);
      await seedCatalogueIfEmpty(db, this.now());
      this.sqlite = sqlite;
      this.db = db;
      await this.reload();
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }

  /** Re-reads cached state after a change that bypasses the services (setup, restore). */
  async reload(): Promise<void> {
    const store = await this.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'local_store_id')
      .executeTakeFirst();
    this.storeId = store?.value ?? null;
    this.settings = await readSettings(this.db);
  }

  async closeDatabase(): Promise<void> {
    this.sqlite.pragma('optimize'); // keeps the planner's statistics current, cheaply
    await this.db.destroy(); // closes the better-sqlite3 handle too
  }

  async close(): Promise<void> {
    await this.notifier.stop();
    await this.syncer.stop();
    this.sessions.clear();
    await this.closeDatabase();
  }

  private async backupBeforeMigrating(sqlite: SqliteHandle, db: Kysely<DB>, fromVersion: number) {
    const settings = await readSettings(db);
    const folder = settings.backupFolder || path.join(this.dataDir, 'backups');
    ensureDir(folder);
    const file = path.join(folder, backupFileName(this.now(), `pre-migrate-v${fromVersion}`));
    await backupDatabase(sqlite, file, undefined, this.options.nativeBinding);
  }
}

/** True for any database that holds something a failed migration could damage. */
const hasTables = (sqlite: SqliteHandle): boolean =>
  (sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n >
  0;

/** Identifies this copy of the database for sync; a restored backup gets a new one. */
export async function ensureInstanceId(db: Kysely<DB>, renew = false): Promise<void> {
  const value = newId();
  if (renew) {
    await sql`INSERT INTO meta (key, value) VALUES ('db_instance_id', ${value})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db);
  } else {
    await sql`INSERT OR IGNORE INTO meta (key, value) VALUES ('db_instance_id', ${value})`.execute(db);
  }
}
