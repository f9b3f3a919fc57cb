import { sql } from 'kysely';
import type { Executor } from '../db/schema';

/** Lower-cased, spaces removed: "Zhang Wei" and "zhangwei" index alike. */
export const normalizeName = (name: string): string => name.toLowerCase().replace(/\s+/g, '');

/** Every two-character run of a name: 王小明 -> 王小, 小明. */
export const bigramsOf = (name: string): string[] => {
  const chars = [...normalizeName(name)];
  return [...new Set(chars.slice(1).map((char, i) => `${chars[i] ?? ''}${char}`))];
};

/**
 * Keeps a customer's name findable: the FTS5 trigram index answers 3+ characters, the bigram table
 * answers exactly 2 (a trigram index cannot find 王伟). Keyed by the customer's rowid.
 */
export async function indexCustomerName(
  db: Executor,
  rowid: number,
  name: string,
  previous?: string,
): Promise<void> {
  if (previous !== undefined) {
    await sql`DELETE FROM customer_names WHERE rowid = ${rowid}`.execute(db);
    await db.deleteFrom('customer_name_bigrams').where('customer_rowid', '=', rowid).execute();
  }
  await sql`INSERT INTO customer_names (rowid, name) VALUES (${rowid}, ${normalizeName(name)})`.execute(db);
  const grams = bigramsOf(name);
  if (grams.length > 0) {
    await db
      .insertInto('customer_name_bigrams')
      .values(grams.map((bigram) => ({ bigram, customer_rowid: rowid })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Rowids of customers whose name contains `query` (2+ characters), at most `limit`. */
export async function findCustomerRowids(db: Executor, query: string, limit: number): Promise<number[]> {
  const needle = normalizeName(query);
  const length = [...needle].length;
  if (length < 2) return [];
  if (length === 2) {
    const rows = await db
      .selectFrom('customer_name_bigrams')
      .select('customer_rowid')
      .where('bigram', '=', needle)
      .limit(limit)
      .execute();
    return rows.map((row) => row.customer_rowid);
  }
  const phrase = `"${needle.replace(/"/g, '""')}"`;
  const rows = await sql<{ rowid: number }>`
    SELECT rowid FROM customer_names WHERE customer_names MATCH ${phrase} LIMIT ${limit}`.execute(db);
  return rows.rows.map((row) => row.rowid);
}
