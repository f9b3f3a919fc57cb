import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { kyselyFor, openSqlite } from '../../../electron/core/db/open';
import path from 'node:path';
import { tempDir } from '../../helpers/core';

async function freshAt0001() {
  const sqlite = openSqlite(path.join(tempDir(), 'm.sqlite'));
  await migrate(kyselyFor(sqlite), '0001-foundation');
  const now = 1_790_000_000_000;
  sqlite
    .prepare(
      "INSERT INTO stores (id, code, name, time_zone, currency, created_at, updated_at) VALUES ('s1', 'SH01', '店', 'Asia/Shanghai', 'CNY', ?, ?)",
    )
    .run(now, now);
  return sqlite;
}

describe('migration 0001-foundation', () => {
  it('creates the foundation tables', async () => {
    const sqlite = await freshAt0001();
    const names = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'meta',
        'stores',
        'staff',
        'staff_pin_attempts',
        'settings',
        'audit_log',
        'outbox',
      ]),
    );
    expect(sqlite.pragma('user_version', { simple: true })).toBe(1); // only 0001 applied
  });

  it('makes audit_log append-only: UPDATE and DELETE are refused by triggers', async () => {
    const sqlite = await freshAt0001();
    sqlite.prepare("INSERT INTO audit_log (id, at, action, entity) VALUES ('a1', 1, 'test', 'thing')").run();
    expect(() => sqlite.prepare("UPDATE audit_log SET action = 'forged' WHERE id = 'a1'").run()).toThrow(
      /append-only/,
    );
    expect(() => sqlite.prepare("DELETE FROM audit_log WHERE id = 'a1'").run()).toThrow(/append-only/);
    expect(sqlite.prepare("SELECT action FROM audit_log WHERE id = 'a1'").get()).toEqual({ action: 'test' });
  });

  it('is STRICT and checks its constraints', async () => {
    const sqlite = await freshAt0001();
    const insertStaff = (role: string, active: unknown) =>
      sqlite
        .prepare(
          "INSERT INTO staff (id, store_id, name, role, pin_hash, active, created_at, updated_at) VALUES (?, 's1', 'A', ?, 'h', ?, 1, 1)",
        )
        .run(`id-${role}-${String(active)}`, role, active);
    expect(() => insertStaff('janitor', 1)).toThrow(/CHECK constraint/);
    expect(() => insertStaff('clerk', 'yes')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO staff (id, store_id, name, role, pin_hash, created_at, updated_at) VALUES ('x', 'no-store', 'A', 'clerk', 'h', 1, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'not json', 1)").run(),
    ).toThrow(/CHECK constraint/);
    insertStaff('clerk', 1);
    expect(sqlite.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 1 });
  });

  it('numbers outbox rows in order and refuses unknown operations', async () => {
    const sqlite = await freshAt0001();
    const add = (id: string, op: string) =>
      sqlite
        .prepare(
          "INSERT INTO outbox (id, store_id, entity, entity_id, op, payload, created_at) VALUES (?, 's1', 'e', 'x', ?, '{}', 1)",
        )
        .run(id, op);
    add('o1', 'upsert');
    add('o2', 'delete');
    expect(() => add('o3', 'merge')).toThrow(/CHECK constraint/);
    expect(sqlite.prepare('SELECT seq, id FROM outbox ORDER BY seq').all()).toEqual([
      { seq: 1, id: 'o1' },
      { seq: 2, id: 'o2' },
    ]);
  });
});
