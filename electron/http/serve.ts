import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupOnClose, scheduleDailyBackups } from '../core/backup/backup-schedule';
import { Core } from '../core/core';
import { createAppServer } from './server';

/**
 * `npm run serve -- --port 5174 --data-dir ./.data`: the app in a browser, over the same core.
 * Binds to 127.0.0.1 unless told otherwise; prints the URL once it is listening.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5174' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.data' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad --port ${values.port}`);
  const root = path.resolve(__dirname, '../..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const core = await Core.open({ dataDir: path.resolve(values['data-dir']), appVersion: pkg.version });
  const stopSchedule = scheduleDailyBackups(core, (error) =>
    console.error('[backup] daily backup failed', error),
  );
  core.notifier.start(); // customer messages queued for the store's webhook; core.close() stops it
  core.syncer.start(); // the outbox to headquarters, once enrolled; core.close() stops it
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(values.host);
  if (!loopback) {
    console.warn(`WARNING: serving on ${values.host}: anyone who can reach it can try staff PINs.`);
  }
  const server = createAppServer(
    () => core,
    path.join(root, 'out/renderer'),
    loopback ? undefined : values.host,
  );
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is already in use; choose another with --port`
        : error.message,
    );
    process.exit(1);
  });
  server.listen(port, values.host, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Repair Counter (browser mode) listening on http://${values.host}:${actual}/`);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopSchedule();
    server.close();
    backupOnClose(core)
      .catch((error: unknown) => console.error('[backup] backup on close failed', error))
      .finally(() => void core.close().finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
