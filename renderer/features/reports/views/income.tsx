import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { paymentMethods } from '../../../../shared/catalogue';
import type { IncomeRow, ReportResult } from '../../../../shared/contract-reports';
import { plainYuan, yuan } from '../../../app/money';
import { chartSize, palette, yuanTick, type ReportView, type ViewTools } from './view-kit';

type Result = Extract<ReportResult, { kind: 'income' }>;

/** Net takings per service type, stacked by payment method (yuan). */
export function incomeView(result: Result, { t }: ViewTools): ReportView<IncomeRow> {
  const types = [...new Set(result.rows.map((r) => r.serviceType))];
  const data = types.map((type) => ({
    type: t(`serviceTypes.${type}`),
    ...Object.fromEntries(
      result.rows
        .filter((r) => r.serviceType === type)
        .map((r) => [r.method, Number(plainYuan(r.takenFen - r.refundedFen))]),
    ),
  }));
  return {
    rows: result.rows,
    columns: [
      {
        key: 'serviceType',
        title: t('reports.columns.serviceType'),
        value: (r) => t(`serviceTypes.${r.serviceType}`),
      },
      { key: 'method', title: t('reports.income.method'), value: (r) => t(`paymentMethods.${r.method}`) },
      {
        key: 'taken',
        title: t('reports.income.taken'),
        value: (r) => yuan(r.takenFen),
        csv: (r) => plainYuan(r.takenFen),
        numeric: true,
      },
      {
        key: 'refunded',
        title: t('reports.income.refunded'),
        value: (r) => yuan(r.refundedFen),
        csv: (r) => plainYuan(r.refundedFen),
        numeric: true,
      },
      {
        key: 'net',
        title: t('reports.income.net'),
        value: (r) => yuan(r.takenFen - r.refundedFen),
        csv: (r) => plainYuan(r.takenFen - r.refundedFen),
        numeric: true,
      },
      { key: 'payments', title: t('reports.income.payments'), value: (r) => r.payments, numeric: true },
    ],
    chart: (
      <BarChart {...chartSize} data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="type" />
        <YAxis tickFormatter={yuanTick} width={90} />
        <Tooltip />
        <Legend />
        {paymentMethods.map((method, i) => (
          <Bar
            key={method}
            dataKey={method}
            stackId="net"
            name={t(`paymentMethods.${method}`)}
            fill={palette[i % palette.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    ),
  };
}
