import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bill, Pickup } from '../../../shared/contract-payments';
import { isFinalStatus } from '../../../shared/ticket-status';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';

/**
 * Why this ticket cannot be handed back now: still in work, or already over (collected, refunded,
 * cancelled, abandoned). A collected ticket shows when and by whom, with its voucher to reprint.
 */
export function NotCollectable({ bill, onReprint }: { bill: Bill; onReprint: (pickup: Pickup) => void }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const status = t(`statuses.${bill.status}`, { defaultValue: bill.status });
  // Only a hand-back through this screen has a voucher; an older collection answers not_found.
  const pickup = useRemote(
    'pickup.voucher',
    bill.status === 'collected' ? { ticket: bill.ticketId } : null,
  ).data;
  const title =
    bill.status === 'collected'
      ? pickup
        ? t('pickup.notCollectable.collectedAt', { at: time(pickup.at), by: pickup.staff.name })
        : t('pickup.notCollectable.collected')
      : isFinalStatus(bill.status)
        ? t('pickup.notCollectable.over', { status })
        : t('pickup.notCollectable.inWork', { status });
  return (
    <Alert
      type={bill.status === 'collected' ? 'info' : 'warning'}
      showIcon
      data-testid="not-collectable"
      style={{ marginTop: 16 }}
      title={title}
      action={
        pickup && (
          <Button icon={<PrinterOutlined />} onClick={() => onReprint(pickup)} data-testid="voucher-reprint">
            {t('pickup.done.reprint')}
          </Button>
        )
      }
    />
  );
}
