import { Migrator, sql, type Kysely } from 'kysely';
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
    SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  if (table.rows.length === 0) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((row) => row.name);
}

export type MigrationPlan = { applied: string[]; pending: string[] };

/** What `migrate` would do; throws DatabaseTooNewError if the file is from the future. */
export async function planMigrations(db: Kysely<DB>): Promise<MigrationPlan> {
  const applied = await appliedMigrations(db);
  const known = Object.keys(migrations);
  const userVersion = (await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)).rows[0]
    ?.user_version;
  if (applied.some((name) => !known.includes(name)) || (userVersion ?? 0) > latestSchemaVersion) {
    throw new DatabaseTooNewError(Math.max(applied.length, userVersion ?? 0), latestSchemaVersion);
  }
  return { applied, pending: known.filter((name) => !applied.includes(name)) };
}

/** Applies pending migrations, each in its own transaction, and records the schema version. */
export async function migrate(db: Kysely<DB>, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const applied = await appliedMigrations(db);
  await sql.raw(`PRAGMA user_version = ${applied.length}`).execute(db);
}
