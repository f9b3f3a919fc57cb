import type { Kysely } from 'kysely';

/** Goods in and out. (Being written.) */
export async function up(_db: Kysely<unknown>): Promise<void> {}
