import { Alert, Col, Descriptions, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ZReport } from '../../../shared/contract-dayclose';
import { useStoreTime } from '../../app/useStoreTime';
import { Variance } from './Variance';
import { signedYuan, yuan } from '../../app/money';

type MethodRow = ZReport['methods'][number];
type Sum = { count: number; fen: number };

const sumText = (sum: Sum | undefined, negative = false) =>
  !sum || sum.count === 0 ? '—' : `${sum.count} · ${negative ? '-' : ''}${yuan(sum.fen)}`;

/**
 * A day's figures on screen, as the Z-report will print them: money by method and kind, discounts,
 * the cash reconciliation, goods against the last shelf count, and the day's tickets. In a blind
 * close nothing that would give away the expected cash is shown before the drawer is counted.
 */
export function DayFigures({ report }: { report: ZReport }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const { cash, goods, tickets } = report;
  const blindNow = report.blind && cash.countedFen === null;
  const shelf = goods.lastShelfCount;

  return (
    <Row gutter={[16, 16]} data-testid="day-figures">
      <Col span={24}>
        {blindNow ? (
          <Alert type="info" showIcon title={t('dayclose.figures.blindHidden')} data-testid="blind-hidden" />
        ) : (
          <>
            <Typography.Title level={5}>{t('dayclose.figures.byMethod')}</Typography.Title>
            <Table<MethodRow>
              size="small"
              rowKey="method"
              pagination={false}
              dataSource={report.methods}
              data-testid="figures-methods"
              columns={[
                {
                  title: t('dayclose.figures.method'),
                  dataIndex: 'method',
                  render: (method: MethodRow['method']) => t(`paymentMethods.${method}`),
                },
                {
                  title: t('dayclose.figures.deposits'),
                  dataIndex: 'deposits',
                  align: 'right',
                  render: (sum: Sum) => sumText(sum),
                },
                {
                  title: t('dayclose.figures.payments'),
                  dataIndex: 'payments',
                  align: 'right',
                  render: (sum: Sum) => sumText(sum),
                },
                {
                  title: t('dayclose.figures.refunds'),
                  dataIndex: 'refunds',
                  align: 'right',
                  render: (sum: Sum) => sumText(sum, true),
                },
                {
                  title: t('dayclose.figures.net'),
                  dataIndex: 'netFen',
                  align: 'right',
                  render: (fen: number) => yuan(fen),
                },
              ]}
              summary={() => (
                <>
                  <Table.Summary.Row style={{ fontWeight: 600 }}>
                    <Table.Summary.Cell index={0}>{t('dayclose.figures.total')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      {sumText(report.totals?.deposits)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {sumText(report.totals?.payments)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {sumText(report.totals?.refunds, true)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      <span data-testid="figure-net-total">{yuan(report.totals?.netFen)}</span>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{t('dayclose.figures.discounts')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} colSpan={4} align="right">
                      <span data-testid="figure-discounts">{sumText(report.discounts)}</span>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                </>
              )}
            />
          </>
        )}
      </Col>
      {!blindNow && (
        <Col xs={24} lg={12}>
          <Descriptions
            size="small"
            bordered
            column={1}
            title={t('dayclose.figures.cash')}
            items={[
              { label: t('dayclose.figures.float'), children: yuan(cash.floatFen) },
              { label: `+ ${t('dayclose.figures.taken')}`, children: yuan(cash.takenFen) },
              { label: `− ${t('dayclose.figures.refunded')}`, children: yuan(cash.refundedFen) },
              { label: `+ ${t('dayclose.figures.paidIn')}`, children: yuan(cash.paidInFen) },
              { label: `− ${t('dayclose.figures.paidOut')}`, children: yuan(cash.paidOutFen) },
              {
                label: `= ${t('dayclose.figures.expected')}`,
                children: <strong data-testid="figure-expected">{yuan(cash.expectedFen)}</strong>,
              },
              {
                label: t('dayclose.figures.counted'),
                children: <span data-testid="figure-counted">{yuan(cash.countedFen)}</span>,
              },
              {
                label: t('dayclose.figures.variance'),
                children: <Variance fen={cash.varianceFen} testId="figure-variance" />,
              },
            ]}
          />
          {cash.countsTaken > 1 && cash.firstCountFen !== null && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              data-testid="counts-taken"
              title={t('dayclose.figures.countedTimes', {
                count: cash.countsTaken,
                first: yuan(cash.firstCountFen),
                difference: signedYuan((cash.countedFen ?? 0) - cash.firstCountFen),
              })}
            />
          )}
        </Col>
      )}
      <Col xs={24} lg={12}>
        <Descriptions
          size="small"
          bordered
          column={1}
          title={t('dayclose.figures.goodsAndTickets')}
          items={[
            {
              label: t('dayclose.figures.onPremises'),
              children: <span data-testid="figure-on-premises">{goods.onPremises}</span>,
            },
            {
              label: t('dayclose.figures.lastShelfCount'),
              children: shelf ? (
                <>
                  {t('dayclose.figures.shelfLine', { ...shelf, at: time(shelf.at) })}
                  {shelf.found !== goods.onPremises && (
                    <Typography.Text type="warning" style={{ display: 'block' }}>
                      {t('dayclose.figures.shelfDiffers', { found: shelf.found, here: goods.onPremises })}
                    </Typography.Text>
                  )}
                </>
              ) : (
                <Typography.Text type="secondary">{t('dayclose.figures.noShelfCount')}</Typography.Text>
              ),
            },
            { label: t('dayclose.figures.received'), children: tickets.received },
            { label: t('dayclose.figures.collected'), children: tickets.collected },
            { label: t('dayclose.figures.open'), children: tickets.open },
            {
              label: t('dayclose.figures.overdue'),
              children: (
                <Typography.Text type={tickets.overdue > 0 ? 'danger' : undefined}>
                  {tickets.overdue}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
