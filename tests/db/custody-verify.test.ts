import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { custodyHash } from '../../electron/core/custody/custody-ledger';
import type { CustodyMovementsTable } from '../../electron/core/db/schema';
import { rpc, value } from '../helpers/core';
import { goodsStore } from '../helpers/goods';

/** A store with three devices and eight ledger entries, each one's seq known. */
async function ledgerOfEight() {
  const s = await goodsStore();
  const a = await s.take('111111111111111'); // seq 1
  const b = await s.take('222222222222222'); // seq 2
  value(await s.move({ ticket: a.ticketNo, kind: 'to_shelf', location: 'A-01' })); // 3
  value(await s.move({ ticket: b.ticketNo, kind: 'to_workshop' })); // 4
  value(await s.move({ ticket: a.ticketNo, kind: 'to_vendor', vendor: '华为', rmaNo: 'R1' })); // 5
  const c = await s.take('333333333333333'); // 6
  value(await s.move({ ticket: a.ticketNo, kind: 'from_vendor' })); // 7
  value(await s.move({ ticket: c.ticketNo, kind: 'handed_back' })); // 8
  const verify = async () =>
    value(await rpc(s.core, 'goods.verifyLedger', {}, { token: s.supervisor.token })).firstBroken;
  /** What someone with the file and a SQLite shell could do: drop the guard and edit. */
  const tamper = (sql: string) => {
    s.core.sqlite.exec('DROP TRIGGER IF EXISTS custody_movements_no_update');
    s.core.sqlite.exec('DROP TRIGGER IF EXISTS custody_movements_no_delete');
    s.core.sqlite.exec(sql);
  };
  const entryAt = (seq: number) =>
    s.core.sqlite.prepare('SELECT id FROM custody_movements WHERE seq = ?').pluck().get(seq) as string;
  return { ...s, a, b, c, verify, tamper, entryAt };
}

describe('verifying the custody ledger', () => {
  it('finds an intact ledger intact', async () => {
    const { core, supervisor } = await ledgerOfEight();
    const report = value(await rpc(core, 'goods.verifyLedger', {}, { token: supervisor.token }));
    expect(report).toMatchObject({ entries: 8, firstBroken: null });
  });

  it('names a row whose content was edited behind the app', async () => {
    const { tamper, verify, entryAt } = await ledgerOfEight();
    tamper("UPDATE custody_movements SET location = 'B-09' WHERE seq = 3");
    expect(await verify()).toEqual({ seq: 3, entryId: entryAt(3), reason: 'hash_mismatch' });
  });

  it('names the next link when the editor also recomputed the edited row hash', async () => {
    const { tamper, verify, entryAt, core } = await ledgerOfEight();
    const row = core.sqlite
      .prepare('SELECT * FROM custody_movements WHERE seq = 5')
      .get() as CustodyMovementsTable;
    const forged = { ...row, location: '自家仓库' };
    tamper(
      `UPDATE custody_movements SET location = '自家仓库', hash = '${custodyHash(forged)}' WHERE seq = 5`,
    );
    expect(await verify()).toEqual({ seq: 6, entryId: entryAt(6), reason: 'broken_link' });
  });

  it('names a deleted row as a gap', async () => {
    const { tamper, verify } = await ledgerOfEight();
    tamper('DELETE FROM custody_movements WHERE seq = 4');
    expect(await verify()).toEqual({ seq: 4, entryId: null, reason: 'seq_gap' });
  });

  it('names a device whose recorded place disagrees with its entries', async () => {
    const { tamper, verify, a, entryAt } = await ledgerOfEight();
    tamper(`UPDATE custody_state SET location = 'B-01' WHERE ticket_id = '${a.id}'`);
    expect(await verify()).toEqual({ seq: 7, entryId: entryAt(7), reason: 'state_mismatch' });
  });

  it('npm run verify-ledger names the broken row and exits 1; an intact ledger exits 0', async () => {
    const { tamper, core, entryAt, a } = await ledgerOfEight();
    const run = promisify(execFile);
    const cli = (dataDir: string) =>
      run(process.execPath, [
        '--import',
        'tsx',
        path.resolve('scripts/verify-ledger.ts'),
        '--data-dir',
        dataDir,
      ]).then(
        (done) => ({ code: 0, out: done.stdout }),
        (failed: { code: number; stdout: string }) => ({ code: failed.code, out: failed.stdout }),
      );
    const intact = await cli(core.dataDir);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/custody ledger intact: 8 entries/);

    tamper("UPDATE custody_movements SET staff_id = 'someone-else' WHERE seq = 7");
    const broken = await cli(core.dataDir);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN at seq 7`);
    expect(broken.out).toContain(`hash_mismatch, entry ${entryAt(7)}, ticket ${a.ticketNo}`);
  });
});
