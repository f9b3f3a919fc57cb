import { randomUUID } from 'node:crypto';
import type { Core } from '../electron/core/core';
import { reportKinds, type ReportKind } from '../shared/contract-reports';
import { addDays, startOfDayIn } from '../shared/dates';
import { call, seedStaff } from '../scripts/seed/store';
import { median, timed } from './stats';

/**
 * Each report through `reports.run` as the seeded supervisor, over the 365 business days ending on the
 * newest ticket's date (about a third of a 3-year, 1M-ticket store), timed `runs` times after one
 * warm-up. The baseline is the bare covering-index count of that year's tickets: the least any
 * report over them can cost.
 */
export async function benchReports(core: Core, runs = 5) {
  const supervisor = seedStaff.find((s) => s.role === 'supervisor');
  const staff = (await call(core, 'auth.roster', {})).find((s) => s.name === supervisor?.name);
  if (!supervisor || !staff) throw new Error('No seeded supervisor: seed the store again');
  const { token } = await call(core, 'auth.signIn', { staffId: staff.id, pin: supervisor.pin });

  const sqlite = core.sqlite;
  const { time_zone: timeZone } = sqlite
    .prepare('SELECT time_zone FROM stores WHERE id = ?')
    .get(core.storeId) as {
    time_zone: string;
  };
  const to = sqlite.prepare('SELECT max(business_date) FROM tickets').pluck().get() as string;
  const from = addDays(to, -364);
  const range = { from, to };
  const fromMs = startOfDayIn(from, timeZone);
  const toMs = startOfDayIn(addDays(to, 1), timeZone);
  const yearTickets = sqlite
    .prepare('SELECT count(*) FROM tickets WHERE store_id = ? AND received_at >= ? AND received_at < ?')
    .pluck();
  const tickets = yearTickets.get(core.storeId, fromMs, toMs) as number;
  const baseline: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const ms = await timed(() => yearTickets.get(core.storeId, fromMs, toMs));
    if (i > 0) baseline.push(ms);
  }
  const figures: { kind: ReportKind; median: number; rows: number }[] = [];
  for (const kind of reportKinds) {
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i <= runs; i++) {
      const ms = await timed(async () => {
        const result = await call(core, 'reports.run', { runId: randomUUID(), kind, range }, { token });
        rows = 'rows' in result ? result.rows.length : 1;
      });
      if (i > 0) samples.push(ms);
    }
    figures.push({ kind, median: median(samples), rows });
  }
  await call(core, 'auth.signOut', {}, { token });
  return { range, tickets, baseline: median(baseline), figures };
}
