import { Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bill, LedgerEntry } from '../../../shared/contract-payments';
import { isFinalStatus } from '../../../shared/ticket-status';
import { useStoreTime } from '../../app/useStoreTime';
import { yuan } from '../../app/money';

type ChargeRow = { key: string; label: string; note: string; amountFen: number };

/** The balance in large type: what is due, settled, or what the store owes back. */
export function Balance({ bill }: { bill: Bill }) {
  const { t } = useTranslation();
  // A closed ticket's account is closed: what is left is a refund after the hand-back (money given
  // back on a complaint), not money the customer still owes. It shows what they paid in the end.
  if (isFinalStatus(bill.status)) {
    return (
      <Statistic
        title={t('pickup.bill.paidInTheEnd')}
        value={yuan(bill.paidFen)}
        data-testid="balance"
        data-fen={0}
        styles={{ content: { fontSize: 40, fontWeight: 700 } }}
      />
    );
  }
  const owed = bill.balanceFen;
  // Before the work is over a negative balance is money paid ahead (a deposit), not yet owed back.
  const over = bill.collectable;
  const title =
    owed > 0
      ? t('pickup.bill.due')
      : owed === 0
        ? t('pickup.bill.settled')
        : over
          ? t('pickup.bill.owedBack')
          : t('pickup.bill.credit');
  return (
    <Statistic
      title={title}
      value={yuan(Math.abs(owed))}
      data-testid="balance"
      data-fen={owed}
      styles={{ content: { fontSize: 40, fontWeight: 700, color: owed > 0 ? '#cf1322' : undefined } }}
    />
  );
}

/**
 * A ticket's bill as the customer will hear it: what is charged (labour, parts, the diagnosis fee,
 * 三包 covering it, the cap at the agreed quote), the discounts, every deposit, payment and refund,
 * and the balance.
 */
export function BillView({ bill }: { bill: Bill }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const charges: ChargeRow[] = [
    ...bill.lines.map((line) => ({
      key: line.kind,
      label: t(`pickup.lines.${line.kind}`),
      note: line.kind === 'labour' ? t('pickup.bill.minutes', { count: bill.labourMinutes }) : '',
      amountFen: line.amountFen,
    })),
    ...bill.discounts.map((discount, i) => ({
      key: `discount-${i}`,
      label: t('pickup.bill.discount'),
      note: t('pickup.bill.discountNote', { reason: discount.reason, by: discount.approvedBy.name }),
      amountFen: -discount.amountFen,
    })),
  ];
  const entryAmount = (entry: LedgerEntry) => (entry.kind === 'refund' ? -entry.amountFen : entry.amountFen);
  const cash = (entry: LedgerEntry) =>
    entry.tenderedFen === null
      ? ''
      : t('pickup.bill.tenderedChange', { tendered: yuan(entry.tenderedFen), change: yuan(entry.changeFen) });
  // A refund names the supervisor who allowed it, when that was not the person at the counter.
  const approval = (entry: LedgerEntry) =>
    entry.approvedBy && entry.approvedBy.id !== entry.staff.id
      ? t('pickup.bill.approvedBy', { name: entry.approvedBy.name })
      : '';
  const noteOf = (entry: LedgerEntry) =>
    entry.note === 'deposit_excess' ? t('pickup.bill.depositExcess') : entry.note;

  return (
    <div data-testid="bill">
      <Row gutter={24}>
        <Col xs={24} xl={10}>
          <Table<ChargeRow>
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={charges}
            data-testid="bill-lines"
            title={() => <Typography.Text strong>{t('pickup.bill.charges')}</Typography.Text>}
            columns={[
              { title: t('pickup.bill.item'), dataIndex: 'label' },
              { title: t('pickup.bill.note'), dataIndex: 'note' },
              {
                title: t('pickup.bill.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (fen: number) => yuan(fen),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <strong>{t('pickup.bill.toPay')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong data-testid="bill-to-pay">{yuan(bill.chargesFen - bill.discountsFen)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Col>
        <Col xs={24} xl={14}>
          <Table<LedgerEntry>
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={bill.entries}
            data-testid="bill-entries"
            locale={{ emptyText: t('pickup.bill.nothingPaid') }}
            title={() => <Typography.Text strong>{t('pickup.bill.payments')}</Typography.Text>}
            columns={[
              {
                title: t('pickup.bill.at'),
                dataIndex: 'at',
                render: (at: number) => <span style={{ whiteSpace: 'nowrap' }}>{time(at).slice(5)}</span>,
              },
              {
                title: t('pickup.bill.kind'),
                dataIndex: 'kind',
                render: (kind: LedgerEntry['kind']) => (
                  <Tag color={kind === 'refund' ? 'red' : kind === 'deposit' ? 'blue' : 'green'}>
                    {t(`pickup.kinds.${kind}`)}
                  </Tag>
                ),
              },
              {
                title: t('pickup.bill.method'),
                dataIndex: 'method',
                render: (m: string) => (
                  <span style={{ whiteSpace: 'nowrap' }}>{t(`paymentMethods.${m}`)}</span>
                ),
              },
              {
                title: t('pickup.bill.amount'),
                key: 'amount',
                align: 'right',
                render: (_: unknown, entry) => yuan(entryAmount(entry)),
              },
              {
                title: t('pickup.bill.who'),
                key: 'who',
                render: (_: unknown, entry) =>
                  [entry.staff.name, approval(entry), cash(entry), noteOf(entry)].filter(Boolean).join(' · '),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <strong>{t('pickup.bill.paid')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong data-testid="bill-paid">{yuan(bill.paidFen)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
              </Table.Summary.Row>
            )}
          />
        </Col>
      </Row>
    </div>
  );
}
