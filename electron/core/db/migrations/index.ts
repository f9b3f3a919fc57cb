import type { Kysely } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-intake';
import * as m0003 from './0003-search-speed';
import * as m0004 from './0004-goods';
import * as m0005 from './0005-parts';
import * as m0006 from './0006-repair';
import * as m0007 from './0007-money';
import * as m0008 from './0008-sync';
import * as m0009 from './0009-feed';
import * as m0010 from './0010-quality';
import * as m0011 from './0011-reports';

export type Migration = { up(db: Kysely<unknown>): Promise<void> };

/**
 * Every migration, registered statically: a folder scan does not survive bundling. Names sort in
 * order; the schema version is the number of migrations applied.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-intake': m0002,
  '0003-search-speed': m0003,
  '0004-goods': m0004,
  '0005-parts': m0005,
  '0006-repair': m0006,
  '0007-money': m0007,
  '0008-sync': m0008,
  '0009-feed': m0009,
  '0010-quality': m0010,
  '0011-reports': m0011,
};

export const latestSchemaVersion = Object.keys(migrations).length;
