import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../../scripts/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL superuser URL the sync tests make their own databases in. */
    postgresUrl: string;
  }
}

/**
 * The sync tests' PostgreSQL: HQ_TEST_DATABASE_URL when set, else a throwaway cluster (fsync off:
 * it is thrown away) stopped when the tests end.
 */
export default async function setup(project: TestProject) {
  const given = process.env.HQ_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return;
  }
  const cluster = await startPostgresCluster({ fsync: false });
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
