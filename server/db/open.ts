import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type Dialect } from 'kysely';
import pg from 'pg';
import { hqMigrations } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import type { HqDatabase, HqDb } from './schema';

// BIGINT (epoch ms, counters) comes back as a string by default; every value we store fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type HqStorage =
  | { kind: 'postgres'; url: string }
  /** PGlite in a data folder; no folder: in memory (tests). */
  | { kind: 'embedded'; dataDir?: string };

/** Where headquarters keeps its data: `DATABASE_URL` when set, else PGlite in the data folder. */
export const storageFrom = (databaseUrl: string | undefined, dataDir: string): HqStorage =>
  databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'embedded', dataDir };

function dialectFor(storage: HqStorage): Dialect {
  if (storage.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: storage.url, max: 10 });
    // A connection PostgreSQL drops (a restart, pg_terminate_backend) is reported as an 'error'
    // event; without a listener Node would end the whole server for it. The pool replaces it.
    const lost = (error: Error) => console.error('[hq] database connection lost:', error.message);
    pool.on('error', lost);
    // ...and one dropped while a request holds it: that request fails (and rolls back) on its own.
    pool.on('connect', (client) => client.on('error', lost));
    return new PostgresDialect({ pool });
  }
  if (storage.dataDir) fs.mkdirSync(storage.dataDir, { recursive: true });
  const pglite = new PGlite(storage.dataDir, { parsers: { 20: (value: string) => Number(value) } });
  return new PGliteDialect(pglite);
}

/** Opens headquarters' database and brings it to the latest migration. */
export async function openHqDatabase(storage: HqStorage): Promise<HqDatabase> {
  const db = new Kysely<HqDb>({ dialect: dialectFor(storage) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => hqMigrations },
    migrationTableName: 'hq_migration',
    migrationLockTableName: 'hq_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return db;
}
