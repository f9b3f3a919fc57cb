import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bill } from '../../../shared/contract-payments';
import { isFinalStatus } from '../../../shared/ticket-status';
import { StatusTag } from '../../components/StatusTag';

export type MoneyAct = 'lost' | 'discount' | 'refund';

/**
 * Who and what is being handed back: the ticket, its status, the customer and device, and the claim
 * receipt (still with the customer, taken back, or lost), with the acts that may be needed first.
 */
export function PickupTicket({ bill, onAct }: { bill: Bill; onAct: (act: MoneyAct) => void }) {
  const { t } = useTranslation();
  const receiptColour =
    bill.claimReceipt === 'lost' ? 'orange' : bill.claimReceipt === 'held' ? 'blue' : 'default';
  return (
    <div data-testid="pickup-ticket">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <a href={`#/tickets/${bill.ticketNo}`} data-testid="pickup-ticket-no">
            {bill.ticketNo}
          </a>{' '}
          <StatusTag
            status={bill.status}
            testId="pickup-status"
            style={{ fontSize: 14, padding: '2px 8px' }}
          />
        </Typography.Title>
        <Space wrap>
          {bill.collectable && bill.claimReceipt === 'held' && (
            <Button onClick={() => onAct('lost')} data-testid="pickup-lost-receipt">
              {t('pickup.lost.button')}
            </Button>
          )}
          {!isFinalStatus(bill.status) && bill.chargesFen - bill.discountsFen > 0 && (
            <Button onClick={() => onAct('discount')} data-testid="pickup-discount">
              {t('pickup.discount.button')}
            </Button>
          )}
          {bill.paidFen > 0 && (
            <Button onClick={() => onAct('refund')} data-testid="pickup-refund">
              {t('pickup.refund.button')}
            </Button>
          )}
        </Space>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('pickup.ticket.customer')}>
          {bill.customerName} {bill.customerPhone}
        </Descriptions.Item>
        <Descriptions.Item label={t('pickup.ticket.device')}>{bill.device}</Descriptions.Item>
        <Descriptions.Item label={t('pickup.ticket.serviceType')}>
          {bill.serviceType} {t(`serviceTypes.${bill.serviceType}`, { defaultValue: '' })}
          {bill.chargeBasis === 'free' && ` · ${t('pickup.ticket.free')}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('pickup.ticket.claimReceipt')}>
          <Tag color={receiptColour} data-testid="pickup-claim-receipt">
            {t(`pickup.receipt.${bill.claimReceipt}`)}
          </Tag>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
