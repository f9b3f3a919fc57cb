import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportResult, TurnaroundRow } from '../../../../shared/contract-reports';
import { chartSize, palette, type ReportView, type ViewTools } from './view-kit';

type Result = Extract<ReportResult, { kind: 'turnaround' }>;

/** Mean hours of a category across its service types, weighted by the tickets in each. */
const weighted = (
  rows: TurnaroundRow[],
  count: (r: TurnaroundRow) => number,
  mean: (r: TurnaroundRow) => number | null,
) => {
  const n = rows.reduce((sum, r) => sum + count(r), 0);
  return n === 0
    ? 0
    : Math.round((rows.reduce((sum, r) => sum + count(r) * (mean(r) ?? 0), 0) / n) * 10) / 10;
};

export function turnaroundView(result: Result, { t, categoryName }: ViewTools): ReportView<TurnaroundRow> {
  const name = (id: string) => categoryName(id, result.categories);
  const byCategory = [...new Set(result.rows.map((r) => r.categoryId))].map((id) => {
    const rows = result.rows.filter((r) => r.categoryId === id);
    return {
      category: name(id),
      repair: weighted(
        rows,
        (r) => r.finished,
        (r) => r.repairHoursMean,
      ),
      collect: weighted(
        rows,
        (r) => r.collected,
        (r) => r.collectHoursMean,
      ),
    };
  });
  return {
    rows: result.rows,
    columns: [
      { key: 'category', title: t('reports.columns.category'), value: (r) => name(r.categoryId) },
      {
        key: 'serviceType',
        title: t('reports.columns.serviceType'),
        value: (r) => `${r.serviceType} ${t(`serviceTypes.${r.serviceType}`)}`,
      },
      { key: 'finished', title: t('reports.turnaround.finished'), value: (r) => r.finished, numeric: true },
      {
        key: 'repairMean',
        title: t('reports.turnaround.repairMean'),
        value: (r) => r.repairHoursMean,
        numeric: true,
      },
      {
        key: 'repairMedian',
        title: t('reports.turnaround.repairMedian'),
        value: (r) => r.repairHoursMedian,
        numeric: true,
      },
      {
        key: 'collected',
        title: t('reports.turnaround.collected'),
        value: (r) => r.collected,
        numeric: true,
      },
      {
        key: 'collectMean',
        title: t('reports.turnaround.collectMean'),
        value: (r) => r.collectHoursMean ?? '—',
        numeric: true,
      },
      {
        key: 'collectMedian',
        title: t('reports.turnaround.collectMedian'),
        value: (r) => r.collectHoursMedian ?? '—',
        numeric: true,
      },
    ],
    chart: (
      <BarChart {...chartSize} data={byCategory}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="category" />
        <YAxis unit="h" />
        <Tooltip />
        <Legend />
        <Bar
          dataKey="repair"
          name={t('reports.turnaround.repairMean')}
          fill={palette[0]}
          isAnimationActive={false}
        />
        <Bar
          dataKey="collect"
          name={t('reports.turnaround.collectMean')}
          fill={palette[2]}
          isAnimationActive={false}
        />
      </BarChart>
    ),
  };
}
