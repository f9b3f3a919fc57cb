import { sql, type RawBuilder } from 'kysely';

/**
 * A number from a pushed row's JSONB payload, or 0 when that field is not a number. Stores push
 * their rows as they are; one malformed row must not make a chain-wide report or a lookup fail.
 */
export const jsonNumber = (column: string, key: string): RawBuilder<number> =>
  sql<number>`(CASE WHEN jsonb_typeof(${sql.ref(column)} -> ${key}) = 'number'
    THEN (${sql.ref(column)} ->> ${key})::numeric ELSE 0 END)`;
