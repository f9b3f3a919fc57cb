import type { Category } from '../../shared/catalogue';
import type { WarrantyPolicy } from '../../shared/warranty';
import { dateOf, Zone } from './calendar';
import { History } from './history';
import { Random } from './random';
import { RowBuilder, type Chain, type IntakeRows } from './rows';

/** Everything the history needs, as plain data that can cross to a worker thread. */
export type Plan = {
  seed: number;
  store: { id: string; code: string; timeZone: string };
  receivers: (readonly [string, number])[];
  categories: Category[];
  policies: WarrantyPolicy[];
  firstDay: number;
  /** Tickets on each day from firstDay on. */
  counts: number[];
  /** The instant the history ends. */
  end: number;
  /** Where the store's custody chain stands before the seed. */
  chain: Chain;
  batchSize: number;
};

export type Batch = {
  intakes: IntakeRows[];
  sequences: [string, number][];
  /** Only on the last batch: device_models use counts. */
  models: [string, string, string, number][] | null;
};

/**
 * Generates the whole history in time order and hands it over in batches of rows; `emit` may return
 * a promise to hold the producer back while the writer catches up.
 */
export async function produceHistory(
  plan: Plan,
  emit: (batch: Batch) => void | Promise<void>,
): Promise<void> {
  const random = new Random(plan.seed);
  const zone = new Zone(plan.store.timeZone);
  const history = new History({
    random,
    zone,
    categories: plan.categories,
    policies: plan.policies,
    receivers: plan.receivers,
    end: plan.end,
  });
  const builder = new RowBuilder(plan.store, random, { ...plan.chain });
  let intakes: IntakeRows[] = [];
  for (let i = 0; i < plan.counts.length; i++) {
    const day = plan.firstDay + i;
    const date = dateOf(day);
    // Opening hours 09:00-19:30, sorted so ticket numbers and the custody chain follow the clock.
    const minutes = Array.from({ length: plan.counts[i] ?? 0 }, () => 540 + random.float() * 630).sort(
      (a, b) => a - b,
    );
    for (const minute of minutes) {
      intakes.push(builder.rows(history.next(Math.floor(zone.instant(day, minute)), date)));
      if (intakes.length === plan.batchSize) {
        await emit({ intakes, sequences: builder.takeSequences(), models: null });
        intakes = [];
      }
    }
  }
  await emit({ intakes, sequences: builder.takeSequences(), models: builder.takeModels() });
}
