import type { Migration } from 'kysely';
import * as m0001 from './0001-stores';
import * as m0002 from './0002-push';

/** Every headquarters migration, registered statically (a folder scan does not survive bundling). */
export const hqMigrations: Record<string, Migration> = {
  '0001-stores': m0001,
  '0002-push': m0002,
};
