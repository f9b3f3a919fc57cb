import { FilePdfOutlined, PrinterOutlined, TableOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ZReport } from '../../../shared/contract-dayclose';
import { useErrorText } from '../../app/useErrorText';
import { useStoreTime } from '../../app/useStoreTime';
import type { AppError } from '../../../shared/result';
import { isDesktop } from '../../api';
import { usePrintZReport, zReportTitle, type ZPaper } from '../../print/usePrintZReport';
import { formatZNo } from '../../print/z-report-format';
import { download } from '../../app/csv';
import { DayFigures } from './DayFigures';
import { zReportCsv } from './zReportCsv';

/**
 * A closed day's Z-report on screen, with its number, who closed it and whether it was reopened,
 * and every way out: the 80 mm receipt, A4, CSV for a spreadsheet, and PDF (the A4 copy through the
 * print dialog, where the system offers "Save as PDF").
 */
export function ZReportPanel({ report }: { report: ZReport }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const printer = usePrintZReport();
  const zNo = report.zNo === null ? '' : formatZNo(report.store.code, report.zNo);

  const print = (paper: ZPaper) =>
    printer.print(report, paper).catch((error: AppError) => void message.error(errorText(error)));

  // The desktop app asks where to save the file; in browser mode the print dialog offers "Save as PDF".
  const savePdf = () => {
    if (!isDesktop) void message.info(t('dayclose.report.pdfHint'), 6);
    printer
      .print(report, 'A4', {
        onSaved: (path) => path && void message.success(t('dayclose.report.pdfSaved', { path })),
      })
      .catch((error: AppError) => void message.error(errorText(error)));
  };

  const exportCsv = () =>
    download(`${zReportTitle(report).replace(' ', '_')}.csv`, zReportCsv(report, t, time));

  return (
    <div data-testid="z-report">
      <Space align="baseline" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="z-number">
          {zNo}
        </Typography.Title>
        <Typography.Text>{report.businessDate}</Typography.Text>
        {report.reopened && <Tag color="red">{t('dayclose.report.reopenedTag')}</Tag>}
        {report.blind && <Tag>{t('dayclose.report.blindTag')}</Tag>}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { label: t('dayclose.report.closedBy'), children: report.closedBy?.name ?? '—' },
          {
            label: t('dayclose.report.closedAt'),
            children: report.closedAt === null ? '—' : time(report.closedAt),
          },
          { label: t('dayclose.report.note'), children: report.note || '—' },
          ...(report.earlierZ.length > 0
            ? [
                {
                  label: t('dayclose.report.earlierZ'),
                  children: report.earlierZ.map((z) => formatZNo(report.store.code, z)).join(', '),
                },
              ]
            : []),
        ]}
      />
      {report.reopened && (
        <Alert
          type="error"
          showIcon
          style={{ margin: '8px 0' }}
          title={t('dayclose.report.reopened', {
            by: report.reopened.by.name,
            approvedBy: report.reopened.approvedBy.name,
            at: time(report.reopened.at),
            reason: report.reopened.reason,
          })}
        />
      )}
      <Space wrap style={{ margin: '8px 0 16px' }}>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => void print('80mm')}
          data-testid="z-print-80"
        >
          {t('dayclose.report.print80')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => void print('A4')} data-testid="z-print-a4">
          {t('dayclose.report.printA4')}
        </Button>
        <Button icon={<TableOutlined />} onClick={exportCsv} data-testid="z-export-csv">
          {t('dayclose.report.exportCsv')}
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={savePdf} data-testid="z-export-pdf">
          {t('dayclose.report.exportPdf')}
        </Button>
      </Space>
      <DayFigures report={report} />
      {printer.element}
    </div>
  );
}
