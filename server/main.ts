import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildHqServer } from './app';
import { openHqDatabase, storageFrom } from './db/open';

/**
 * `npm run server -- --port 8787 [--host 127.0.0.1] [--data-dir ./hq-data]`: headquarters. With
 * `DATABASE_URL` it uses that PostgreSQL; without, an embedded PostgreSQL (PGlite) in the data folder,
 * so one command starts a working headquarters for a trial or a small chain.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: './hq-data' },
    },
  });
  const storage = storageFrom(process.env.DATABASE_URL, path.resolve(values['data-dir']));
  const db = await openHqDatabase(storage);
  // HQ_LOG_LEVEL=warn keeps a busy server's log to what needs a person (the bench's load test).
  const app = buildHqServer({ db, logger: { level: process.env.HQ_LOG_LEVEL ?? 'info' } });
  const close = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ port: Number(values.port), host: values.host });
  app.log.info({ storage: storage.kind }, 'headquarters ready');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
