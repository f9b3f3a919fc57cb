import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { RecurringRow, ReportResult } from '../../../../shared/contract-reports';
import { chartSize, palette, percent, type ReportView, type ViewTools } from './view-kit';

type Result = Extract<ReportResult, { kind: 'recurring_faults' }>;

/** Products with most tickets, and how often the same device came back within 30 and 90 days. */
export function recurringView(result: Result, { t, categoryName }: ViewTools): ReportView<RecurringRow> {
  const product = (r: RecurringRow) =>
    [r.brand, r.model].filter(Boolean).join(' ') || t('reports.recurring.unnamed');
  // The products that came back most: where a recurring fault shows.
  const top = [...result.rows]
    .filter((r) => r.repeat90 > 0)
    .sort((a, b) => b.repeat90 - a.repeat90 || b.repeat30 - a.repeat30 || b.tickets - a.tickets)
    .slice(0, 10)
    .map((r) => ({ product: product(r), repeat30: r.repeat30, repeat90: r.repeat90 }));
  const { total } = result;
  return {
    rows: result.rows,
    note: t('reports.recurring.total', {
      tickets: total.tickets,
      products: total.products,
      rate30: percent(total.repeat30, total.tickets),
      rate90: percent(total.repeat90, total.tickets),
    }),
    columns: [
      {
        key: 'category',
        title: t('reports.columns.category'),
        value: (r) => categoryName(r.categoryId, result.categories),
      },
      { key: 'brand', title: t('reports.recurring.brand'), value: (r) => r.brand },
      { key: 'model', title: t('reports.recurring.model'), value: (r) => r.model },
      { key: 'tickets', title: t('reports.recurring.tickets'), value: (r) => r.tickets, numeric: true },
      { key: 'repeat30', title: t('reports.recurring.repeat30'), value: (r) => r.repeat30, numeric: true },
      {
        key: 'rate30',
        title: t('reports.recurring.rate30'),
        value: (r) => percent(r.repeat30, r.tickets),
        numeric: true,
      },
      { key: 'repeat90', title: t('reports.recurring.repeat90'), value: (r) => r.repeat90, numeric: true },
      {
        key: 'rate90',
        title: t('reports.recurring.rate90'),
        value: (r) => percent(r.repeat90, r.tickets),
        numeric: true,
      },
    ],
    chart: (
      <BarChart {...chartSize} data={top} layout="vertical">
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="product" width={200} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Bar
          dataKey="repeat30"
          name={t('reports.recurring.repeat30')}
          fill={palette[3]}
          isAnimationActive={false}
        />
        <Bar
          dataKey="repeat90"
          name={t('reports.recurring.repeat90')}
          fill={palette[2]}
          isAnimationActive={false}
        />
      </BarChart>
    ),
  };
}
