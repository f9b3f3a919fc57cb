import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findPostgres } from './find-postgres.mjs';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * A throwaway PostgreSQL cluster in a temporary folder, for the sync tests and the sync bench:
 * `url` is a superuser URL, `stop()` ends it and removes the folder. PostgreSQL refuses to run as
 * root, so as root it runs as the `postgres` user. `fsync` is off only where asked (tests).
 */
export async function startPostgresCluster(options: { fsync: boolean }) {
  const bin = findPostgres();
  if (!bin) {
    throw new Error(
      'PostgreSQL is needed here: apt-get install postgresql, or set PG_BIN or HQ_TEST_DATABASE_URL',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(bin, program),
      asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args,
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
  const port = await freePort();
  const settings = `-c max_connections=300${options.fsync ? '' : ' -c fsync=off'}`;
  run('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-k ${dir} -h 127.0.0.1 -p ${port} ${settings}`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
