import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportResult, TechnicianRow } from '../../../../shared/contract-reports';
import { chartSize, palette, percent, rate, type ReportView, type ViewTools } from './view-kit';

type Result = Extract<ReportResult, { kind: 'technicians' }>;

/** Jobs by who did the work, with first-time-fix and re-repair rates on the right-hand scale. */
export function techniciansView(result: Result, { t }: ViewTools): ReportView<TechnicianRow> {
  const data = result.rows.map((r) => ({
    name: r.name,
    jobs: r.jobs,
    firstTimeFix: rate(r.firstTimeFixes, r.jobs),
    reRepair: rate(r.reRepairs, r.jobs),
  }));
  return {
    rows: result.rows,
    note: t('reports.technicians.note'),
    columns: [
      { key: 'name', title: t('reports.technicians.name'), value: (r) => r.name },
      { key: 'jobs', title: t('reports.technicians.jobs'), value: (r) => r.jobs, numeric: true },
      {
        key: 'labour',
        title: t('reports.technicians.labourHours'),
        value: (r) => (r.labourMinutes / 60).toFixed(1),
        numeric: true,
      },
      {
        key: 'ftf',
        title: t('reports.technicians.firstTimeFix'),
        value: (r) => percent(r.firstTimeFixes, r.jobs),
        numeric: true,
      },
      {
        key: 'reRepair',
        title: t('reports.technicians.reRepair'),
        value: (r) => percent(r.reRepairs, r.jobs),
        numeric: true,
      },
      { key: 'ratings', title: t('reports.technicians.ratings'), value: (r) => r.ratings, numeric: true },
      {
        key: 'satisfaction',
        title: t('reports.technicians.satisfaction'),
        value: (r) => (r.satisfactionMean === null ? '—' : r.satisfactionMean.toFixed(2)),
        numeric: true,
      },
    ],
    chart: (
      <ComposedChart {...chartSize} data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis yAxisId="jobs" />
        <YAxis yAxisId="rate" orientation="right" unit="%" domain={[0, 100]} />
        <Tooltip />
        <Legend />
        <Bar
          yAxisId="jobs"
          dataKey="jobs"
          name={t('reports.technicians.jobs')}
          fill={palette[0]}
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="firstTimeFix"
          name={t('reports.technicians.firstTimeFix')}
          stroke={palette[1]}
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="reRepair"
          name={t('reports.technicians.reRepair')}
          stroke={palette[3]}
          isAnimationActive={false}
        />
      </ComposedChart>
    ),
  };
}
