import type { OutputOf } from '../../../shared/contract';
import type { Ctx } from '../context';
import { recordEvent } from '../changes';
import { verifyCustodyLedger } from '../custody/verify-ledger';

/**
 * The settings button: re-checks the custody ledger. Holds the file lock so a restore cannot swap
 * the database under it; the check itself yields between batches, so other calls keep flowing.
 */
export async function verifyLedger(ctx: Ctx): Promise<OutputOf<'goods.verifyLedger'>> {
  const { core } = ctx;
  const started = performance.now();
  const report = await core.fileLock.run(() => verifyCustodyLedger(core.sqlite));
  const ms = Math.round(performance.now() - started);
  const broken = report.firstBroken;
  await core.db.transaction().execute((trx) =>
    recordEvent(trx, ctx, {
      action: 'goods.verifyLedger',
      entity: 'custody_movements',
      entityId: broken?.entryId ?? '',
      details: { entries: report.entries, broken },
    }),
  );
  return {
    entries: report.entries,
    ms,
    firstBroken: broken && { seq: broken.seq, entryId: broken.entryId, reason: broken.reason },
  };
}
