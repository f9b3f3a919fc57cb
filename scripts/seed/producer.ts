import type { Category } from '../../shared/catalogue';
import type { WarrantyPolicy } from '../../shared/warranty';
import { dateOf, Zone } from './calendar';
import { History } from './history';
import { closesAt, opensAt } from './hours';
import { finalState, SeedLedger, type Chain } from './ledger';
import { Random, Weighted } from './random';
import type { Role } from '../../shared/roles';
import { RowBuilder, type IntakeRows, type Value } from './rows';
import { JobMaker, newJobRows, type JobRows } from './workflow';

/** Everything the history needs, as plain data that can cross to a worker thread. */
export type Plan = {
  seed: number;
  store: { id: string; code: string; timeZone: string };
  receivers: (readonly [string, number])[];
  technicians: (readonly [string, number])[];
  supervisors: string[];
  staff: Record<string, { role: Role; name: string }>;
  /** Technicians who write their repair notes in English. */
  english: string[];
  /** The store's storage period: abandoned devices are disposed of only after it. */
  storageDays: number;
  categories: Category[];
  policies: WarrantyPolicy[];
  firstDay: number;
  /** Tickets on each day from firstDay on. */
  counts: number[];
  /** The instant the history ends. */
  end: number;
  /** Where the store's custody chain stands before the seed. */
  chain: Chain;
  /** Tickets per batch handed to the writer (which commits several at once: writer.ts). */
  batchSize: number;
};

export type Batch = {
  intakes: IntakeRows[];
  /** Custody entries that fell due while these intakes were made, chained (ledger.ts). */
  custody: Value[][];
  /** The repair workflow of these intakes' tickets: events, labour, checks, approvals (flat). */
  jobs: JobRows;
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
  const builder = new RowBuilder(plan.store, random);
  const jobs = new JobMaker({
    random,
    zone,
    end: plan.end,
    storageDays: plan.storageDays,
    clerks: new Weighted(plan.receivers),
    technicians: new Weighted(plan.technicians),
    supervisors: plan.supervisors,
    staff: plan.staff,
    english: plan.english,
  });
  const ledger = new SeedLedger(plan.store.id, { ...plan.chain });
  let intakes: IntakeRows[] = [];
  let custody: Value[][] = [];
  let jobRows = newJobRows();
  for (let i = 0; i < plan.counts.length; i++) {
    const day = plan.firstDay + i;
    const date = dateOf(day);
    // Opening hours 09:00-19:30, sorted so ticket numbers and the custody chain follow the clock.
    const minutes = Array.from(
      { length: plan.counts[i] ?? 0 },
      () => opensAt + random.float() * (closesAt - opensAt),
    ).sort((a, b) => a - b);
    for (const minute of minutes) {
      const intake = history.next(Math.floor(zone.instant(day, minute)), date);
      const { entries, job } = jobs.life(intake, jobRows);
      ledger.plan(entries);
      // Everything that happened at the counter up to this intake, the intake itself included.
      ledger.chainUntil(intake.at, custody);
      intakes.push(builder.rows(intake, finalState(entries), job));
      if (intakes.length === plan.batchSize) {
        await emit({ intakes, custody, jobs: jobRows, sequences: builder.takeSequences(), models: null });
        intakes = [];
        custody = [];
        jobRows = newJobRows();
      }
    }
  }
  // What still lay ahead after the last intake, up to the end of the history.
  ledger.chainUntil(plan.end, custody);
  if (ledger.waiting > 0) throw new Error(`${ledger.waiting} custody entries fall after the history ends`);
  await emit({
    intakes,
    custody,
    jobs: jobRows,
    sequences: builder.takeSequences(),
    models: builder.takeModels(),
  });
}
