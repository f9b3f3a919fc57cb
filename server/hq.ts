import path from 'node:path';
import { parseArgs } from 'node:util';
import { openHqDatabase, storageFrom } from './db/open';
import { addStore, createEnrolmentCode, HqError, listStores, revokeDevice } from './stores';

const usage = `usage:
  npm run hq -- store add --code SH01 --name 上海南京路店
  npm run hq -- store list
  npm run hq -- enrol --store SH01 [--hours 24]
  npm run hq -- device revoke --device <id>
(DATABASE_URL, or --data-dir for the embedded database, as for npm run server)`;

/** Headquarters' own command line: stores, enrolment codes and devices. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      store: { type: 'string' },
      hours: { type: 'string', default: '24' },
      device: { type: 'string' },
      'data-dir': { type: 'string', default: './hq-data' },
    },
  });
  const db = await openHqDatabase(storageFrom(process.env.DATABASE_URL, path.resolve(values['data-dir'])));
  const now = Date.now();
  try {
    const command = positionals.join(' ');
    if (command === 'store add' && values.code && values.name) {
      const store = await addStore(db, { code: values.code, name: values.name }, now);
      console.log(`store ${store.code} ${store.name} (${store.id})`);
    } else if (command === 'store list') {
      for (const row of await listStores(db)) {
        const device = row.device_id
          ? `${row.device_id} ${row.device_name}${row.revoked_at ? ' (revoked)' : ''} last seen ${row.last_seen_at ? new Date(row.last_seen_at).toISOString() : 'never'}`
          : 'no device';
        console.log(`${row.code}\t${row.name}\t${device}`);
      }
    } else if (command === 'enrol' && values.store) {
      const { code, expiresAt } = await createEnrolmentCode(db, values.store, Number(values.hours), now);
      console.log(
        `enrolment code for ${values.store}: ${code} (once, until ${new Date(expiresAt).toISOString()})`,
      );
    } else if (command === 'device revoke' && values.device) {
      await revokeDevice(db, values.device, now);
      console.log(`device ${values.device} revoked`);
    } else {
      console.error(usage);
      process.exitCode = 2;
    }
  } catch (error) {
    if (!(error instanceof HqError)) throw error;
    console.error(`${error.code}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
