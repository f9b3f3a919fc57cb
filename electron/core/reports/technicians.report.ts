import type { TechnicianRow } from '../../../shared/contract-reports';
import type { ReportDefinition } from './report-definition';

type Sums = Omit<TechnicianRow, 'technicianId' | 'name' | 'satisfactionMean'> & { satisfactionSum: number };
type Acc = Map<string, Sums>;

const emptySums = (): Sums => ({
  jobs: 0,
  labourMinutes: 0,
  firstTimeFixes: 0,
  reRepairs: 0,
  ratings: 0,
  satisfactionSum: 0,
});

/**
 * Technicians by the date their jobs finished and by who did the work: the work credits (net labour
 * per technician per finished ticket, kept with whether the ticket passed its checks the first time,
 * whether the device came back within 30 days of its hand-back, and the follow-up rating of the
 * technician it rates), never who opened or was assigned the ticket. Ratings only leave as a sum.
 * One covering index range per slice.
 */
export const techniciansReport: ReportDefinition<Acc> = {
  kind: 'technicians',
  empty: () => new Map(),
  add(acc, { sqlite, storeId }, slice) {
    const rows = sqlite
      .prepare(
        `SELECT technician_id AS id, count(*) AS jobs, sum(minutes) AS minutes, sum(first_time_fix) AS fixes,
           sum(came_back) AS comebacks, count(rating) AS ratings, total(rating) AS satisfaction
         FROM work_credits WHERE store_id = ? AND finished_at >= ? AND finished_at < ?
         GROUP BY technician_id`,
      )
      .all(storeId, slice.fromMs, slice.toMs) as {
      id: string;
      jobs: number;
      minutes: number;
      fixes: number;
      comebacks: number;
      ratings: number;
      satisfaction: number;
    }[];
    for (const row of rows) {
      const sums = acc.get(row.id) ?? emptySums();
      sums.jobs += row.jobs;
      sums.labourMinutes += row.minutes;
      sums.firstTimeFixes += row.fixes;
      sums.reRepairs += row.comebacks;
      sums.ratings += row.ratings;
      sums.satisfactionSum += row.satisfaction;
      acc.set(row.id, sums);
    }
  },
  finish(acc, { sqlite }) {
    const names = new Map(
      (sqlite.prepare('SELECT id, name FROM staff').all() as { id: string; name: string }[]).map((s) => [
        s.id,
        s.name,
      ]),
    );
    const rows = [...acc.entries()]
      .map(([id, { satisfactionSum, ...sums }]): TechnicianRow => ({
        technicianId: id,
        name: names.get(id) ?? id,
        ...sums,
        satisfactionMean:
          sums.ratings === 0 ? null : Math.round((satisfactionSum / sums.ratings) * 100) / 100,
      }))
      .sort((a, b) => b.jobs - a.jobs || a.name.localeCompare(b.name));
    return { kind: 'technicians', rows };
  },
};
