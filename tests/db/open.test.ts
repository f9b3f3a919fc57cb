import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate } from '../../electron/core/db/migrate';
import { latestSchemaVersion } from '../../electron/core/db/migrations';
import { kyselyFor, openSqlite } from '../../electron/core/db/open';
import { Core, databaseFileName } from '../../electron/core/core';
import { openTestCore, tempDir } from '../helpers/core';

describe('opening the database', () => {
  it('enforces WAL, synchronous=FULL, foreign keys and a busy timeout, read back from SQLite', async () => {
    const core = await openTestCore();
    expect(core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(core.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    await core.close();
  });

  it('openSqlite reads synchronous=FULL back when it reopens a WAL database', async () => {
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
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ",
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
      .prepare("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999-from-the-future', 1)")
      .run();
    sqlite.pragma(`user_version = ${latestSchemaVersion + 1}`);
    sqlite.close();
    const opening = Core.open({ dataDir: dir, appVersion: 'test' });
    await expect(opening).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(opening).rejects.toThrow(/newer version of Repair Counter/);
  });

  it('backs an existing database up before migrating it, then migrates it', async () => {
    const dir = tempDir();
    const sqlite = openSqlite(path.join(dir, databaseFileName));
    await migrate(kyselyFor(sqlite), '0001-foundation');
    sqlite
      .prepare(
        "INSERT INTO stores (id, code, name, time_zone, currency, created_at, updated_at) VALUES ('s1', 'SH01', '老店', 'Asia/Shanghai', 'CNY', 1, 1)",
      )
      .run();
    sqlite.prepare("INSERT INTO meta (key, value) VALUES ('local_store_id', 's1')").run();
    sqlite.close();

    const core = await Core.open({ dataDir: dir, appVersion: 'test' });
    const files = fs.readdirSync(path.join(dir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-pre-migrate-v1\.sqlite$/);
    const copy = openSqlite(path.join(dir, 'backups', String(files[0])), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM stores').get()).toEqual({ name: '老店' });
    copy.close();
    expect(core.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(core.sqlite.prepare('SELECT name FROM stores').get()).toEqual({ name: '老店' });
  });

  it('a failing migration leaves the database at the previous version', async () => {
    const dir = tempDir();
    const sqlite = openSqlite(path.join(dir, databaseFileName));
    await migrate(kyselyFor(sqlite), '0001-foundation');
    // A table 0002 is about to create exists already, so 0002 fails halfway through.
    sqlite.prepare('CREATE TABLE devices (x INTEGER) STRICT').run();
    await expect(migrate(kyselyFor(sqlite))).rejects.toThrow(/already exists/);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(1);
    expect(sqlite.prepare('SELECT name FROM schema_migrations').all()).toEqual([{ name: '0001-foundation' }]);
    const created = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE name IN ('warranty_policies', 'categories')")
      .all();
    expect(created).toEqual([]); // the statements before the failure were rolled back
    sqlite.close();
  });

  it('takes no backup of a brand-new database', async () => {
    const dir = tempDir();
    await (await openTestCore({ dataDir: dir })).close();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });
});
