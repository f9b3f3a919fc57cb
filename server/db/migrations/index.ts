import type { Migration } from 'kysely';
import * as m0001 from './0001-stores';

/** Every headquarters migration, registered statically (a folder scan does not survive bundling). */
export const hqMigrations: Record<string, Migration> = {
  '0001-stores': m0001,
};
