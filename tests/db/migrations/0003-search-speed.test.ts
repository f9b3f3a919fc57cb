import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { kyselyFor, openSqlite } from '../../../electron/core/db/open';
import { tempDir } from '../../helpers/core';

async function at0003() {
  const sqlite = openSqlite(path.join(tempDir(), 'm.sqlite'));
  await migrate(kyselyFor(sqlite), '0003-search-speed');
  return sqlite;
}

/** SQLite's plan for a query, one line per step. */
const planOf = (sqlite: Awaited<ReturnType<typeof at0003>>, query: string) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
    .map((row) => row.detail)
    .join(' | ');

describe('migration 0003-search-speed', () => {
  it('indexes custody movements by device, so checking a device key never scans the ledger', async () => {
    const sqlite = await at0003();
    expect(sqlite.pragma('user_version', { simple: true })).toBe(3);
    expect(planOf(sqlite, "SELECT 1 FROM custody_movements WHERE device_id = 'd'")).toContain(
      'USING COVERING INDEX custody_movements_device',
    );
  });

  it('answers "last 4 digits" from the covering tail index', async () => {
    const sqlite = await at0003();
    expect(
      planOf(sqlite, "SELECT customer_id FROM customer_phones WHERE store_id = 's' AND tail = '8000'"),
    ).toContain('USING COVERING INDEX customer_phones_tail (store_id=? AND tail=?)');
  });

  it('keeps every search path on an index (plans, checked without statistics)', async () => {
    const sqlite = await at0003();
    const plans = [
      planOf(sqlite, "SELECT id FROM tickets WHERE ticket_no = 'SH01-261122-0001'"),
      planOf(
        sqlite,
        "SELECT id FROM tickets WHERE customer_id IN ('a', 'b') ORDER BY received_at DESC LIMIT 20",
      ),
      planOf(sqlite, "SELECT id FROM tickets WHERE device_id IN ('a') ORDER BY received_at DESC LIMIT 20"),
      planOf(sqlite, "SELECT id FROM devices WHERE store_id = 's' AND serial = 'SN1'"),
      planOf(
        sqlite,
        "SELECT id FROM devices WHERE model LIKE 'Mate%' AND store_id = 's' ORDER BY model LIMIT 200",
      ),
    ];
    for (const plan of plans) {
      expect(plan, plan).toMatch(/USING (COVERING )?INDEX|PRIMARY KEY/);
      expect(plan, plan).not.toMatch(/^SCAN (tickets|devices)\b/);
    }
  });
});
