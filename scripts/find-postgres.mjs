// Where this machine's PostgreSQL server programs are (initdb, pg_ctl), for the sync tests' throwaway
// cluster: PG_BIN if set, else Debian's /usr/lib/postgresql/<version>/bin (newest), else the PATH.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function findPostgres() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debian, version, 'bin')));
  }
  try {
    candidates.push(
      execSync('pg_config --bindir', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
  } catch {
    // no pg_config on the PATH
  }
  return candidates.find(
    (dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')),
  );
}
