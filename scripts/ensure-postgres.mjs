// `npm test`'s pretest: the sync tests start a throwaway PostgreSQL cluster, so make sure the server
// programs exist, installing Debian's package when we may (root), as for the browser.
import { execSync } from 'node:child_process';
import { findPostgres } from './find-postgres.mjs';

if (process.env.HQ_TEST_DATABASE_URL) {
  console.log('Sync tests will use HQ_TEST_DATABASE_URL');
} else if (findPostgres()) {
  console.log(`Sync tests will start PostgreSQL from ${findPostgres()}`);
} else {
  console.log('No PostgreSQL found; installing it for the sync tests...');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    if (!isRoot) throw new Error('not root');
    execSync('apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // fall through to the message below
  }
  if (!findPostgres()) {
    console.error(
      'Could not provision PostgreSQL: install it (apt-get install postgresql), set PG_BIN to its bin folder, or set HQ_TEST_DATABASE_URL.',
    );
    process.exit(1);
  }
}
