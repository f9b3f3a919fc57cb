import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';

/**
 * Every migration, registered statically: a folder scan does not survive bundling. Names sort in
 * order; the schema version is the number of migrations applied.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};

export const latestSchemaVersion = Object.keys(migrations).length;
