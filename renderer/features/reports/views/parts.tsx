import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { PartsRow, ReportResult } from '../../../../shared/contract-reports';
import { plainYuan, yuan } from '../../../app/money';
import { chartSize, palette, yuanTick, type ReportView, type ViewTools } from './view-kit';

type Result = Extract<ReportResult, { kind: 'parts' }>;

/** Parts used on repairs, the costliest first; the chart shows the ten that cost most. */
export function partsView(result: Result, { t }: ViewTools): ReportView<PartsRow> {
  const top = result.rows.slice(0, 10).map((r) => ({ sku: r.sku, cost: Number(plainYuan(r.costFen)) }));
  const totalFen = result.rows.reduce((sum, r) => sum + r.costFen, 0);
  return {
    rows: result.rows,
    note: t('reports.parts.total', { cost: yuan(totalFen), parts: result.rows.length }),
    columns: [
      { key: 'sku', title: t('reports.parts.sku'), value: (r) => r.sku },
      { key: 'name', title: t('reports.parts.name'), value: (r) => r.name },
      { key: 'quantity', title: t('reports.parts.quantity'), value: (r) => r.quantity, numeric: true },
      {
        key: 'cost',
        title: t('reports.parts.cost'),
        value: (r) => yuan(r.costFen),
        csv: (r) => plainYuan(r.costFen),
        numeric: true,
      },
      { key: 'tickets', title: t('reports.parts.tickets'), value: (r) => r.tickets, numeric: true },
    ],
    chart: (
      <BarChart {...chartSize} data={top} layout="vertical">
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" tickFormatter={yuanTick} />
        <YAxis type="category" dataKey="sku" width={230} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Bar dataKey="cost" name={t('reports.parts.cost')} fill={palette[4]} isAnimationActive={false} />
      </BarChart>
    ),
  };
}
