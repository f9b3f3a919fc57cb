import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Progress, Segmented, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportKinds, type ReportKind } from '../../../shared/contract-reports';
import { calendarDateIn } from '../../../shared/dates';
import { csvText, download } from '../../app/csv';
import { useErrorText } from '../../app/useErrorText';
import { useSession } from '../../app/session';
import { useStoreTime } from '../../app/useStoreTime';
import { usePrintReport } from '../../print/usePrintReport';
import { ReportPrintout } from './ReportPrintout';
import { useReportRun } from './useReportRun';
import { viewOf } from './views';
import type { ViewTools } from './views/view-kit';

const isKind = (value: string | undefined): value is ReportKind =>
  (reportKinds as readonly string[]).includes(value ?? '');

/**
 * The manager's reports: pick one and a period, and it runs (a long period shows its progress and
 * can be stopped). Each shows a chart and its table, prints on A4 and exports to CSV.
 */
export function ReportsPage({ kind: asked }: { kind?: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const storeTime = useStoreTime();
  const [kind, setKind] = useState<ReportKind>(isKind(asked) ? asked : 'turnaround');
  // The store's today, not this PC's: business days are the store's.
  const [today] = useState(() => dayjs(calendarDateIn(Date.now(), session.timeZone)));
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.subtract(29, 'day'), today]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const { run, start, cancel } = useReportRun();
  const chartRef = useRef<HTMLDivElement>(null);
  const title = t(`reports.kinds.${kind}`);
  const printer = usePrintReport(`${title} ${from}_${to}`);

  useEffect(() => {
    void start(kind, { from, to });
  }, [kind, from, to, start]);

  const tools = useMemo<ViewTools>(
    () => ({
      t,
      categoryName: (id, names) => {
        const name = names?.[id];
        return name ? (i18n.language === 'en' ? name.en : name.zh) : id;
      },
    }),
    [t, i18n.language],
  );
  const result = run.state === 'done' && run.result.kind === kind ? run.result : null;
  const view = result ? viewOf(result, tools) : null;
  const csvRows = () =>
    view
      ? view.rows.map((row) =>
          Object.fromEntries(view.columns.map((c) => [c.title, (c.csv ?? c.value)(row)])),
        )
      : [];

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<ReportKind>
          value={kind}
          onChange={setKind}
          options={reportKinds.map((value) => ({ value, label: t(`reports.kinds.${value}`) }))}
        />
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          disabledDate={(date) => date.isAfter(today, 'day')}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          presets={[
            { label: t('reports.presets.days30'), value: [today.subtract(29, 'day'), today] },
            { label: t('reports.presets.thisMonth'), value: [today.startOf('month'), today] },
            {
              label: t('reports.presets.lastMonth'),
              value: [today.subtract(1, 'month').startOf('month'), today.subtract(1, 'month').endOf('month')],
            },
            { label: t('reports.presets.days90'), value: [today.subtract(89, 'day'), today] },
            { label: t('reports.presets.year'), value: [today.subtract(364, 'day'), today] },
          ]}
          aria-label={t('reports.period')}
        />
        <Button
          icon={<DownloadOutlined />}
          disabled={!view}
          onClick={() => download(`${kind}-${from}_${to}.csv`, csvText(csvRows()))}
        >
          {t('reports.exportCsv')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          disabled={!view}
          onClick={() =>
            view &&
            printer.print(
              <ReportPrintout
                view={view}
                chartHtml={chartRef.current?.innerHTML ?? ''}
                title={title}
                storeName={session.storeName ?? ''}
                from={from}
                to={to}
                printedAt={storeTime(Date.now())}
                t={t}
              />,
            )
          }
        >
          {t('reports.print.button')}
        </Button>
      </Space>
      {run.state === 'running' && (
        <Space style={{ width: '100%', marginBottom: 12 }} data-testid="report-progress">
          <Progress
            style={{ width: 360 }}
            percent={run.total === 0 ? 0 : Math.round((run.done / run.total) * 100)}
            format={() => t('reports.progress', { done: run.done, total: run.total || '…' })}
          />
          <Button onClick={cancel}>{t('reports.cancel')}</Button>
        </Space>
      )}
      {run.state === 'failed' && (
        <Alert
          type="error"
          showIcon
          data-testid="report-refused"
          title={[
            errorText(run.error),
            ...Object.values(run.error.fields ?? {}).map((code) => t(`fieldErrors.${code}`)),
          ].join('：')}
        />
      )}
      {view && (
        <>
          {view.note && <Typography.Paragraph type="secondary">{view.note}</Typography.Paragraph>}
          <div data-testid="report-chart" ref={chartRef} style={{ overflowX: 'auto' }}>
            {view.chart}
          </div>
          <Table<object>
            size="small"
            rowKey={(_row) => view.rows.indexOf(_row)}
            dataSource={view.rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('reports.empty') }}
            columns={view.columns.map((column) => ({
              key: column.key,
              title: column.title,
              align: column.numeric ? 'right' : 'left',
              render: (_v, row) => column.value(row),
            }))}
          />
        </>
      )}
      {printer.element}
    </Card>
  );
}
