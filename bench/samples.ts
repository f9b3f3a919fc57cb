import type Database from 'better-sqlite3';
import type { Random } from '../scripts/seed/random';

/**
 * Real values to search for, sampled at random from the seeded database by rowid (so sampling
 * itself never scans): ticket numbers, phones, customer names (two- and three-character Chinese),
 * serials and models.
 */
export type Samples = {
  ticketNos: string[];
  phones: string[];
  tails: string[];
  namesZh: string[];
  serials: string[];
  models: string[];
  ticketIds: string[];
};

/** Very common two-character names: each matches many customers, the hard case for a name index. */
const commonPairs = ['王伟', '李娜', '张伟', '王芳', '刘洋', '陈静', '李强', '张敏'];

const cjk = /^\p{Script=Han}+$/u;

export function sampleValues(sqlite: Database.Database, random: Random, count: number): Samples {
  const maxRowid = (table: string) =>
    (sqlite.prepare(`SELECT max(rowid) AS n FROM ${table}`).get() as { n: number | null }).n ?? 0;
  const draw = <T>(table: string, sql: string, want: number, accept: (row: T) => boolean = () => true) => {
    const statement = sqlite.prepare(sql);
    const max = maxRowid(table);
    const rows: T[] = [];
    for (let tries = 0; rows.length < want && tries < want * 50 && max > 0; tries++) {
      const row = statement.get(random.int(1, max)) as T | undefined;
      if (row && accept(row)) rows.push(row);
    }
    return rows;
  };

  const tickets = draw<{ id: string; ticket_no: string }>(
    'tickets',
    'SELECT id, ticket_no FROM tickets WHERE rowid = ?',
    count,
  );
  const phones = draw<{ phone: string }>(
    'customers',
    `SELECT p.phone FROM customers c JOIN customer_phones p ON p.customer_id = c.id WHERE c.rowid = ?`,
    count,
  ).map((row) => row.phone);
  const names = (length: number) =>
    draw<{ name: string }>(
      'customers',
      'SELECT name FROM customers WHERE rowid = ?',
      count / 2,
      (row) => cjk.test(row.name) && [...row.name].length === length,
    ).map((row) => row.name);
  const twoChar = [...commonPairs, ...names(2)].slice(0, count / 2);
  const threeChar = names(3);
  const serials = draw<{ serial: string | null }>(
    'devices',
    'SELECT serial FROM devices WHERE rowid = ?',
    count,
    (row) => row.serial !== null,
  ).map((row) => row.serial as string);
  const models = sqlite.prepare('SELECT model FROM device_models ORDER BY uses DESC').all() as {
    model: string;
  }[];
  return {
    ticketNos: tickets.map((t) => t.ticket_no),
    ticketIds: tickets.map((t) => t.id),
    phones,
    tails: phones.map((p) => p.slice(-4)),
    // Alternate two- and three-character names.
    namesZh: twoChar.flatMap((name, i) => (threeChar[i] ? [name, threeChar[i]] : [name])),
    serials,
    models: Array.from({ length: count }, () => random.pick(models).model),
  };
}
