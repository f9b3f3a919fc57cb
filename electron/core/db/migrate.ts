import { sql, type Kysely } from 'kysely';
import { latestSchemaVersion, migrations } from './migrations';
import type { DB } from './schema';

/** A database written by a newer app: opening it could corrupt data this version does not know. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer version of Repair Counter (schema ${databaseVersion}; ` +
        `this app knows up to ${appVersion}). Install the newer version, or restore an older backup.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const table = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`.execute(db);
  if (table.rows.length === 0) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
  return rows.rows.map((row) => row.name);
}

export type MigrationPlan = { applied: string[]; pending: string[] };

/** What `migrate` would do; throws DatabaseTooNewError if the file is from the future. */
export async function planMigrations(db: Kysely<DB>): Promise<MigrationPlan> {
  const applied = await appliedMigrations(db);
  const known = Object.keys(migrations);
  const userVersion =
    (await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)).rows[0]?.user_version ?? 0;
  if (applied.some((name) => !known.includes(name)) || userVersion > latestSchemaVersion) {
    throw new DatabaseTooNewError(Math.max(applied.length, userVersion), latestSchemaVersion);
  }
  return { applied, pending: known.filter((name) => !applied.includes(name)) };
}

/**
 * Applies pending migrations in order, up to and including `upTo`. Each migration, its record and the
 * new schema version commit in one transaction (SQLite's DDL is transactional), so a crash or a
 * failing statement leaves the database exactly at the previous version.
 */
export async function migrate(db: Kysely<DB>, upTo?: string): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at INTEGER NOT NULL
  ) STRICT`.execute(db);
  const { applied, pending } = await planMigrations(db);
  let version = applied.length;
  for (const name of pending) {
    if (upTo && name > upTo) break;
    const migration = migrations[name];
    if (!migration) continue;
    version += 1;
    await db.transaction().execute(async (trx) => {
      // Migrations are frozen and written against no table types, hence `Kysely<unknown>`.
      await migration.up(trx as unknown as Kysely<unknown>);
      await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${name}, ${Date.now()})`.execute(
        trx,
      );
      await sql.raw(`PRAGMA user_version = ${version}`).execute(trx);
    });
  }
}
