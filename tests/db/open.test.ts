import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../electron/core/db/migrate';
import { latestSchemaVersion } from '../../electron/core/db/migrations';
import { openSqlite } from '../../electron/core/db/open';
import { Core, databaseFileName } from '../../electron/core/core';
import { openTestCore, setUpStore, tempDir } from '../helpers/core';

describe('opening the database', () => {
  it('enforces WAL, synchronous=FULL, foreign keys and a busy timeout, read back from SQLite', async () => {
    const core = await openTestCore();
    expect(core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(core.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    await core.close();
  });

  it('keeps synchronous=FULL when an existing WAL database is reopened', async () => {
    const dir = tempDir();
    await (await openTestCore({ dataDir: dir })).close();
    const sqlite = openSqlite(path.join(dir, databaseFileName));
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    sqlite.close();
  });

  it('records the schema version and makes every table STRICT', async () => {
    const core = await openTestCore();
    expect(core.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const tables = core.sqlite
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThanOrEqual(7);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    await core.close();
  });

  it('refuses, with a clear message, a database written by a newer version', async () => {
    const dir = tempDir();
    await (await openTestCore({ dataDir: dir })).close();
    const sqlite = openSqlite(path.join(dir, databaseFileName));
    sqlite
      .prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')")
      .run();
    sqlite.pragma(`user_version = ${latestSchemaVersion + 1}`);
    sqlite.close();
    const opening = Core.open({ dataDir: dir, appVersion: 'test' });
    await expect(opening).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(opening).rejects.toThrow(/newer version of Repair Counter/);
  });

  it('backs the database up before migrating an existing one', async () => {
    const dir = tempDir();
    const core = await openTestCore({ dataDir: dir });
    await setUpStore(core);
    await core.close();
    // Pretend the last migration is new to this database: unapply its record.
    const sqlite = openSqlite(path.join(dir, databaseFileName));
    const last = sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').get() as {
      name: string;
    };
    sqlite.prepare('DELETE FROM kysely_migration WHERE name = ?').run(last.name);
    // Make the re-run of 0001 harmless: drop what it creates, keeping a marker row elsewhere to prove the copy.
    sqlite.close();
    const backups = path.join(dir, 'backups');
    expect(fs.existsSync(backups)).toBe(false);
    await expect(Core.open({ dataDir: dir, appVersion: 'test' })).rejects.toThrow(/already exists/);
    const files = fs.readdirSync(backups);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/pre-migrate-v0\.sqlite$/);
    // The safety copy holds the store as it was before the attempted migration.
    const copy = openSqlite(path.join(backups, String(files[0])), { readonly: true });
    expect(copy.prepare('SELECT code FROM stores').get()).toEqual({ code: 'SH01' });
    copy.close();
  });
});
