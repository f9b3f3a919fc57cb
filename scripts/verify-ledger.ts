import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseFileName } from '../electron/core/core';
import { verifyCustodyLedger } from '../electron/core/custody/verify-ledger';
import { openSqlite } from '../electron/core/db/open';
import { latestSchemaVersion } from '../electron/core/db/migrations';

/**
 * `npm run verify-ledger -- --data-dir DIR`: checks the custody ledger's hash chain and every
 * device's place against it, read-only. Exit 0: intact; 1: broken (the first break is named);
 * 2: cannot check.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'];
  const file = dataDir && path.join(dataDir, databaseFileName);
  if (!file || !fs.existsSync(file)) {
    console.error('usage: npm run verify-ledger -- --data-dir DIR (a folder holding repair-counter.sqlite)');
    return 2;
  }
  const sqlite = openSqlite(file, { readonly: true });
  try {
    const version = sqlite.pragma('user_version', { simple: true });
    if (version !== latestSchemaVersion) {
      console.error(
        `${file} is at schema ${String(version)}, this tool reads ${latestSchemaVersion}: open it in the app once.`,
      );
      return 2;
    }
    const started = performance.now();
    const report = await verifyCustodyLedger(sqlite);
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(report.entries / Math.max(seconds, 0.001));
    const broken = report.firstBroken;
    if (!broken) {
      console.log(
        `custody ledger intact: ${report.entries} entries checked in ${seconds.toFixed(1)} s (${rate}/s)`,
      );
      return 0;
    }
    const ticket = broken.ticketId
      ? (sqlite.prepare('SELECT ticket_no FROM tickets WHERE id = ?').pluck().get(broken.ticketId) as
          string | undefined)
      : undefined;
    console.log(
      `custody ledger BROKEN at seq ${broken.seq} (store ${broken.storeId}): ${broken.reason}` +
        (broken.entryId ? `, entry ${broken.entryId}` : '') +
        (ticket ? `, ticket ${ticket}` : ''),
    );
    return 1;
  } finally {
    sqlite.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
