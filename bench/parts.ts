import type { Core } from '../electron/core/core';
import { dispatch } from '../electron/core/dispatch';
import type { Random } from '../scripts/seed/random';
import { measure } from './stats';

export type PartsBenchOptions = {
  /** Timed calls of each kind. */
  count: number;
  warmup: number;
};

type Query = { method: 'parts.findByCode' | 'parts.list'; input: Record<string, unknown> };

/**
 * The on-hand query as the parts screen makes it, through dispatch: a scanned code (barcode or SKU)
 * to its part and stock; the stock list searched for part of a name, SKU or model; the first page
 * of the list and of the low-stock filter. Values are drawn from the seeded parts (by rowid, so
 * sampling never scans). A search that finds nothing for a value taken from the database throws:
 * timings of a query that does not work mean nothing.
 */
export async function benchPartsOnHand(
  core: Core,
  token: string,
  random: Random,
  options: PartsBenchOptions,
) {
  const sqlite = core.sqlite;
  const maxRowid = (sqlite.prepare('SELECT max(rowid) AS n FROM parts').get() as { n: number | null }).n ?? 0;
  if (maxRowid === 0) throw new Error('No parts to measure: seed some first');
  const pick = sqlite.prepare(
    'SELECT sku, barcode, name, compatible_models FROM parts WHERE rowid = ? AND active = 1',
  );
  const queries: Query[] = [];
  while (queries.length < options.count * 2) {
    const part = pick.get(random.int(1, maxRowid)) as
      { sku: string; barcode: string; name: string; compatible_models: string } | undefined;
    if (!part) continue;
    const words = part.name.split(/\s+/).filter((word) => word.length >= 2);
    const models = JSON.parse(part.compatible_models) as string[];
    queries.push({ method: 'parts.findByCode', input: { code: part.barcode || part.sku } });
    const query = random.pick([part.sku.slice(0, 8), random.pick(words) ?? part.sku, models[0] ?? part.sku]);
    queries.push({ method: 'parts.list', input: { query } });
  }
  for (let i = 0; i < options.count / 10; i++) {
    queries.push({ method: 'parts.list', input: {} }, { method: 'parts.list', input: { lowOnly: true } });
  }

  const run = async ({ method, input }: Query) => {
    const result = await dispatch(core, method, input, { token });
    if (!result.ok) throw new Error(`${method} refused ${JSON.stringify(input)}: ${result.error.code}`);
    if (method === 'parts.list' && input.query && (result.value as { total: number }).total === 0) {
      throw new Error(`parts.list found nothing for ${JSON.stringify(input.query)}`);
    }
  };
  const shuffled = queries.map((q) => [random.float(), q] as const).sort((a, b) => a[0] - b[0]);
  return measure(
    shuffled.map(([, q]) => q),
    run,
    { warmup: options.warmup },
  );
}
