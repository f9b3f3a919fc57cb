import type { Kysely } from 'kysely';

/** Spare parts: the parts catalogue and its stock ledger. (Being written.) */
export async function up(_db: Kysely<unknown>): Promise<void> {}
