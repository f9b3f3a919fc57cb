import { Col, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Drawer, ZReport } from '../../../shared/contract-dayclose';
import { useRemote } from '../../app/useRemote';
import { ClosingCount } from './ClosingCount';
import { DayFigures } from './DayFigures';
import { ZReportPanel } from './ZReportPanel';

/**
 * Closing a business day: the current one or an earlier day left open. The day's figures first,
 * then the count and the close; once closed, its numbered Z-report with print and export.
 */
export function CloseTab({
  drawer,
  date,
  onDate,
  onDrawerChanged,
}: {
  drawer: Drawer;
  date: string;
  onDate: (date: string) => void;
  /** The drawer moves on to the next day once this one is closed. */
  onDrawerChanged: () => void;
}) {
  const { t } = useTranslation();
  const { data, setData, reload } = useRemote('dayclose.preview', { businessDate: date });
  // The answer for the day shown, not one still arriving for the day chosen before.
  const report = data?.businessDate === date ? data : null;
  const days = [...new Set([...drawer.unclosedDays, drawer.businessDate, date])].sort();

  const closed = (result: ZReport) => {
    setData(result);
    onDrawerChanged();
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{t('dayclose.close.day')}</Typography.Text>
        <Select
          data-testid="close-date"
          value={date}
          onChange={onDate}
          style={{ width: 200 }}
          options={days.map((day) => ({
            value: day,
            label:
              day === drawer.businessDate
                ? t('dayclose.close.today', { date: day })
                : drawer.unclosedDays.includes(day)
                  ? t('dayclose.close.left', { date: day })
                  : day,
          }))}
        />
        {report && (report.closed ? <Tag color="green">{t('dayclose.close.closedTag')}</Tag> : null)}
        {report?.blind && !report.closed && <Tag>{t('dayclose.report.blindTag')}</Tag>}
      </Space>
      {!report ? (
        <Spin />
      ) : report.closed ? (
        <ZReportPanel report={report} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <DayFigures report={report} />
          </Col>
          <Col xs={24} xl={10}>
            <ClosingCount
              key={report.businessDate}
              report={report}
              onReport={setData}
              onClosed={closed}
              onDayGone={() => {
                reload();
                onDrawerChanged();
              }}
            />
          </Col>
        </Row>
      )}
    </Space>
  );
}
