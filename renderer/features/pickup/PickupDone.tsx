import { PrinterOutlined, ScanOutlined } from '@ant-design/icons';
import { Button, Result, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Pickup } from '../../../shared/contract-payments';
import { yuan } from '../../app/money';

/**
 * The device is handed over: what was taken now and the change to give, the voucher printed (a copy
 * on request), and the way to the next customer.
 */
export function PickupDone({
  pickup,
  onReprint,
  onNext,
}: {
  pickup: Pickup;
  onReprint: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const paid = pickup.taken.filter((e) => e.kind === 'payment').reduce((sum, e) => sum + e.amountFen, 0);
  const back = pickup.taken.filter((e) => e.kind === 'refund').reduce((sum, e) => sum + e.amountFen, 0);
  const change = pickup.taken.reduce((sum, e) => sum + (e.changeFen ?? 0), 0);
  const parts = [
    paid > 0 && t('pickup.done.paid', { amount: yuan(paid) }),
    change > 0 && t('pickup.done.change', { amount: yuan(change) }),
    back > 0 && t('pickup.done.givenBack', { amount: yuan(back) }),
  ].filter(Boolean);
  return (
    <Result
      status="success"
      data-testid="pickup-done"
      title={t('pickup.done.title', { ticketNo: pickup.ticketNo })}
      subTitle={parts.join(' · ')}
      icon={
        change > 0 ? (
          // The change is what the clerk must count out now: as large as the balance was.
          <Statistic
            title={t('pickup.done.changeTitle')}
            value={yuan(change)}
            data-testid="pickup-change"
            styles={{ content: { fontSize: 48, fontWeight: 700, color: '#cf1322' } }}
          />
        ) : undefined
      }
      extra={[
        <Button key="next" type="primary" icon={<ScanOutlined />} onClick={onNext} data-testid="pickup-next">
          {t('pickup.done.next')}
        </Button>,
        <Button key="reprint" icon={<PrinterOutlined />} onClick={onReprint} data-testid="voucher-reprint">
          {t('pickup.done.reprint')}
        </Button>,
      ]}
    />
  );
}
