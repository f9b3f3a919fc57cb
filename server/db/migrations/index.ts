import type { Migration } from 'kysely';
import * as m0001 from './0001-stores';
import * as m0002 from './0002-push';
import * as m0003 from './0003-feed';
import * as m0004 from './0004-reads';

/** Every headquarters migration, registered statically (a folder scan does not survive bundling). */
export const hqMigrations: Record<string, Migration> = {
  '0001-stores': m0001,
  '0002-push': m0002,
  '0003-feed': m0003,
  '0004-reads': m0004,
};
