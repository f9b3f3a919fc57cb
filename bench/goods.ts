import type { Core } from '../electron/core/core';
import { verifyCustodyLedger } from '../electron/core/custody/verify-ledger';
import { dispatch } from '../electron/core/dispatch';
import type { InputOf, MethodName, OutputOf } from '../shared/contract';
import { measure, msSince, nowNs } from './stats';

/** Timed calls of the on-premises list: each returns thousands of rows at a million tickets. */
const listRuns = 40;

/**
 * Goods in and out at scale, through dispatch as the goods screens call it: the list of what is on
 * the premises, where one device is (a scan of a sampled ticket number), and the ledger verifier
 * over every entry (timed once: it reads the whole ledger, twice over).
 */
export async function benchGoods(core: Core, token: string, ticketNos: readonly string[], warmup: number) {
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const result = await dispatch(core, method, input, { token });
    if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
    return result.value as OutputOf<M>;
  };

  let listed = 0;
  const onPremises = await measure(
    Array.from({ length: listRuns }, (_, i) => i),
    async () => (listed = (await call('goods.onPremises', {})).total),
    { warmup: Math.min(warmup, 5) },
  );

  // A number taken from the database that has no custody state is a broken seed, not a timing.
  let unplaced = 0;
  const whereIs = await measure(
    ticketNos,
    async (ticket, timed) => {
      const { state } = await call('goods.whereIs', { ticket });
      if (timed && !state) unplaced++;
    },
    { warmup },
  );

  const entries = core.sqlite.prepare('SELECT count(*) FROM custody_movements').pluck().get() as number;
  const started = nowNs();
  const report = await verifyCustodyLedger(core.sqlite);
  const verifyMs = msSince(started);
  if (report.firstBroken) {
    throw new Error(`The custody ledger is broken: ${JSON.stringify(report.firstBroken)}`);
  }
  return {
    onPremises: { ...onPremises, listed },
    whereIs: { ...whereIs, unplaced },
    verify: { entries: report.entries, ms: verifyMs, rowsPerS: report.entries / (verifyMs / 1000) },
    entries,
  };
}
