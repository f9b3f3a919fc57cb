import { ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../../shared/contract';
import type { Bill } from '../../../shared/contract-payments';
import { isFinalStatus } from '../../../shared/ticket-status';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { useErrorText } from '../../app/useErrorText';
import { useRemote } from '../../app/useRemote';
import { usePrintPickup } from '../../print/usePrintPickup';
import { Balance, BillView } from '../pickup/BillView';
import { DiscountModal } from '../pickup/DiscountModal';
import { RefundModal } from '../pickup/RefundModal';
import { TakePaymentModal } from '../pickup/TakePaymentModal';

type Act = 'take' | 'discount' | 'refund';

/**
 * Money on the ticket page: the bill and every deposit, payment, refund and discount, with the acts
 * the counter may take (a clerk's discount or refund asks for a supervisor's PIN), and the way to the
 * hand-back once the work is over. `watch` is the repair card: parts and labour change the bill.
 */
export function PaymentsSection({
  ticketId,
  watch,
  onChanged,
}: {
  ticketId: string;
  watch: unknown;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { staff } = useSession();
  const { data: bill, setData, reload } = useRemote('payments.bill', { ticket: ticketId });
  const [act, setAct] = useState<Act | null>(null);
  const voucher = usePrintPickup();

  // The card changed (a part fitted, labour logged, a move): the bill is read again.
  const seen = useRef(watch);
  useEffect(() => {
    if (seen.current === watch) return;
    seen.current = watch;
    reload();
  }, [watch, reload]);

  if (!bill) return null;
  const counter = canCall('payments.take', staff.role);
  const open = !isFinalStatus(bill.status);
  const done = (updated: Bill) => {
    setAct(null);
    setData(updated);
    onChanged();
  };
  const reprint = async () => {
    const pickup = await call('pickup.voucher', { ticket: bill.ticketId });
    if (!pickup.ok) return void message.error(errorText(pickup.error));
    try {
      await voucher.print(pickup.value);
    } catch {
      void message.error(t('pickup.done.printFailed'));
    }
  };
  const modalProps = { bill, onClose: () => setAct(null), onDone: done };

  return (
    <Card
      size="small"
      title={t('pickup.section.title')}
      data-testid="payments-section"
      style={{ marginBottom: 12 }}
      extra={
        <Space wrap>
          {counter && open && (
            <Button onClick={() => setAct('take')} data-testid="payments-take">
              {t('pickup.section.take')}
            </Button>
          )}
          {counter && open && bill.chargesFen - bill.discountsFen > 0 && (
            <Button onClick={() => setAct('discount')} data-testid="payments-discount">
              {t('pickup.discount.button')}
            </Button>
          )}
          {counter && bill.paidFen > 0 && (
            <Button onClick={() => setAct('refund')} data-testid="payments-refund">
              {t('pickup.refund.button')}
            </Button>
          )}
          {bill.status === 'collected' && (
            <Button icon={<PrinterOutlined />} onClick={() => void reprint()} data-testid="voucher-reprint">
              {t('pickup.section.reprint')}
            </Button>
          )}
        </Space>
      }
    >
      {bill.collectable && canCall('pickup.save', staff.role) && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('pickup.section.handBackHint')}
          action={
            <Button
              type="primary"
              icon={<ExportOutlined />}
              href={`#/pickup/${bill.ticketNo}`}
              data-testid="hand-back-link"
            >
              {t('pickup.section.handBack')}
            </Button>
          }
        />
      )}
      <Row gutter={24} align="middle">
        <Col xs={24} lg={5}>
          <Balance bill={bill} />
        </Col>
        <Col xs={24} lg={19}>
          <BillView bill={bill} />
        </Col>
      </Row>
      {act === 'take' && <TakePaymentModal {...modalProps} />}
      {act === 'discount' && <DiscountModal {...modalProps} />}
      {act === 'refund' && <RefundModal {...modalProps} />}
      {voucher.element}
    </Card>
  );
}
