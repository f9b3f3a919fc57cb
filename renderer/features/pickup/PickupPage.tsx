import { Alert, App, Card, Col, Divider, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill, Pickup } from '../../../shared/contract-payments';
import type { AppError, Result } from '../../../shared/result';
import { call } from '../../api';
import { useErrorText } from '../../app/useErrorText';
import { usePrintPickup } from '../../print/usePrintPickup';
import { Balance, BillView } from './BillView';
import { DiscountModal } from './DiscountModal';
import { HandBackForm } from './HandBackForm';
import { LostReceiptModal } from './LostReceiptModal';
import { NotCollectable } from './NotCollectable';
import { PickupDone } from './PickupDone';
import { PickupTicket, type MoneyAct } from './PickupTicket';
import { RefundModal } from './RefundModal';
import { ScanBox } from './ScanBox';

/**
 * 取机, the hand-back (F4): scan the claim receipt (or type the ticket number, or come from the
 * ticket page with it), see the bill and what is due, take the payment, let the customer sign, and
 * save: the ticket is collected and the pickup voucher prints in the same action.
 */
export function PickupPage({ ticketNo }: { ticketNo?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const voucher = usePrintPickup();
  const [bill, setBill] = useState<Bill | null>(null);
  const [done, setDone] = useState<Pickup | null>(null);
  const [problem, setProblem] = useState<{ code: string; error: AppError } | null>(null);
  const [finding, setFinding] = useState(false);
  const [act, setAct] = useState<MoneyAct | null>(null);
  const [focusMark, setFocusMark] = useState(0);

  /** What a search found: the ticket's bill, or why there is none. */
  const show = useCallback((code: string, result: Result<Bill>) => {
    setDone(null);
    setBill(result.ok ? result.value : null);
    setProblem(result.ok ? null : { code, error: result.error });
  }, []);

  const find = async (code: string) => {
    setFinding(true);
    const result = await call('pickup.find', { code });
    setFinding(false);
    show(code, result);
  };

  // Opened with a ticket number (from the ticket page): the route gives each number its own page.
  useEffect(() => {
    if (!ticketNo) return;
    let live = true;
    void call('pickup.find', { code: ticketNo }).then((result) => {
      if (live) show(ticketNo, result);
    });
    return () => {
      live = false;
    };
  }, [ticketNo, show]);

  /** The ticket again, after a refusal that says the screen is out of date. */
  const reread = async () => {
    if (!bill) return;
    const result = await call('payments.bill', { ticket: bill.ticketId });
    if (result.ok) setBill(result.value);
  };

  const print = async (pickup: Pickup) => {
    try {
      await voucher.print(pickup);
    } catch {
      void message.error(t('pickup.done.printFailed'));
    }
  };

  const saved = async (pickup: Pickup) => {
    setDone(pickup);
    setBill(pickup.bill);
    void message.success(t('pickup.done.title', { ticketNo: pickup.ticketNo }));
    await print(pickup);
  };

  const next = () => {
    setDone(null);
    setBill(null);
    setProblem(null);
    if (ticketNo) window.location.hash = '#/pickup';
    setFocusMark((mark) => mark + 1);
  };

  const modalProps = bill && {
    bill,
    onClose: () => setAct(null),
    onDone: (updated: Bill) => {
      setAct(null);
      setBill(updated);
    },
  };

  return (
    <Card data-testid="pickup-page">
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('pickup.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('pickup.scan.help')}</Typography.Text>
        </Space>
        <ScanBox onCode={(code) => void find(code)} busy={finding} focusMark={focusMark} />
        {problem && (
          <Alert
            type="error"
            showIcon
            title={`${problem.code}: ${errorText(problem.error)}`}
            data-testid="pickup-problem"
          />
        )}
      </Space>
      {done ? (
        <PickupDone pickup={done} onReprint={() => void print(done)} onNext={next} />
      ) : (
        bill && (
          <>
            <Divider />
            <PickupTicket bill={bill} onAct={setAct} />
            {bill.collectable && bill.claimReceipt === 'held' && (
              <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('pickup.receipt.takeBack')} />
            )}
            <Row gutter={24} align="middle" style={{ marginTop: 16 }}>
              <Col xs={24} lg={6}>
                <Balance bill={bill} />
              </Col>
              <Col xs={24} lg={18}>
                <BillView bill={bill} />
              </Col>
            </Row>
            {bill.collectable ? (
              <HandBackForm
                key={bill.ticketId}
                bill={bill}
                onSaved={(pickup) => void saved(pickup)}
                onStale={() => void reread()}
              />
            ) : (
              <NotCollectable bill={bill} onReprint={(pickup) => void print(pickup)} />
            )}
          </>
        )
      )}
      {modalProps && act === 'lost' && <LostReceiptModal {...modalProps} />}
      {modalProps && act === 'discount' && <DiscountModal {...modalProps} />}
      {modalProps && act === 'refund' && <RefundModal {...modalProps} />}
      {voucher.element}
    </Card>
  );
}
