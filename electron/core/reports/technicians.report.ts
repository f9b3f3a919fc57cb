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
 * per technician per finished ticket), never who opened or was assigned the ticket. A job is a
 * re-repair when the same device came back within 30 days of its hand-back. Satisfaction is the
 * follow-up ratings of the tickets they were the main technician on, only ever as a sum.
 */
export const techniciansReport: ReportDefinition<Acc> = {
  kind: 'technicians',
  empty: () => new Map(),
  add(acc, { sqlite, storeId }, slice) {
    const rows = sqlite
      .prepare(
        `SELECT technician_id AS id, count(*) AS jobs, sum(minutes) AS minutes, sum(first_time_fix) AS fixes,
           sum(ticket_id IN (
             SELECT prior_ticket_id FROM tickets
             WHERE store_id = ? AND received_at >= ? AND prior_gap_days <= 30)) AS comebacks
         FROM work_credits WHERE store_id = ? AND finished_at >= ? AND finished_at < ?
         GROUP BY technician_id`,
      )
      .all(storeId, slice.fromMs, storeId, slice.fromMs, slice.toMs) as {
      id: string;
      jobs: number;
      minutes: number;
      fixes: number;
      comebacks: number;
    }[];
    for (const row of rows) {
      const sums = acc.get(row.id) ?? emptySums();
      sums.jobs += row.jobs;
      sums.labourMinutes += row.minutes;
      sums.firstTimeFixes += row.fixes;
      sums.reRepairs += row.comebacks;
      acc.set(row.id, sums);
    }
  },
  finish(acc, { sqlite, storeId, whole }) {
    // Follow-ups fall due after the hand-back, so none of the range's tickets has one due before it.
    const ratings = sqlite
      .prepare(
        `SELECT f.technician_id AS id, count(*) AS n, sum(c.satisfaction) AS total
         FROM follow_ups f
         JOIN tickets t ON t.id = f.ticket_id
         JOIN follow_up_calls c ON c.follow_up_id = f.id
         WHERE f.store_id = ? AND f.due_at >= ? AND f.reason != 'complaint' AND f.technician_id IS NOT NULL
           AND c.satisfaction IS NOT NULL AND t.finished_at >= ? AND t.finished_at < ?
         GROUP BY f.technician_id`,
      )
      .all(storeId, whole.fromMs, whole.fromMs, whole.toMs) as { id: string; n: number; total: number }[];
    for (const row of ratings) {
      const sums = acc.get(row.id) ?? emptySums();
      sums.ratings += row.n;
      sums.satisfactionSum += row.total;
      acc.set(row.id, sums);
    }
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
