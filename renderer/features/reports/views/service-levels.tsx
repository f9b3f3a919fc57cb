import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportResult } from '../../../../shared/contract-reports';
import { chartSize, palette, percent, rate, type ReportView, type ViewTools } from './view-kit';

type Result = Extract<ReportResult, { kind: 'service_levels' }>;
type Level = { key: string; label: string; done: number; of: number };

/** Each promise as "kept of made": follow-ups, complaint replies and resolutions, repair calls. */
export function serviceLevelsView(result: Result, { t }: ViewTools): ReportView<Level> {
  const l = result.levels;
  const level = (key: string, done: number, of: number): Level => ({
    key,
    label: t(`reports.levels.${key}`),
    done,
    of,
  });
  const rows = [
    level('followUpsReached', l.followUpsReached, l.followUpsDue),
    level('followUpsOnTime', l.followUpsOnTime, l.followUpsDue),
    level('answeredOnTime', l.answeredOnTime, l.complaints),
    level('resolvedOnTime', l.resolvedOnTime, l.complaints),
    level('accepted', l.accepted, l.complaints),
    level('callsAnsweredOnTime', l.callsAnsweredOnTime, l.repairCalls),
    level('callsConverted', l.callsConverted, l.repairCalls),
  ];
  return {
    rows,
    note: t('reports.levels.late', {
      answered: l.answeredLate,
      resolved: l.resolvedLate,
      unanswered: l.unansweredOverdue,
      unresolved: l.unresolvedOverdue,
    }),
    columns: [
      { key: 'label', title: t('reports.levels.measure'), value: (r) => r.label },
      { key: 'done', title: t('reports.levels.done'), value: (r) => r.done, numeric: true },
      { key: 'of', title: t('reports.levels.of'), value: (r) => r.of, numeric: true },
      { key: 'rate', title: t('reports.levels.rate'), value: (r) => percent(r.done, r.of), numeric: true },
    ],
    chart: (
      <BarChart
        {...chartSize}
        data={rows.map((r) => ({ label: r.label, rate: rate(r.done, r.of) }))}
        layout="vertical"
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" unit="%" domain={[0, 100]} />
        <YAxis type="category" dataKey="label" width={200} />
        <Tooltip />
        <Bar dataKey="rate" name={t('reports.levels.rate')} fill={palette[1]} isAnimationActive={false} />
      </BarChart>
    ),
  };
}
