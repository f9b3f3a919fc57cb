import { Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill } from '../../../shared/contract-payments';
import { YuanInput, yuanRule } from '../../components/YuanInput';
import { MoneyModal } from './MoneyModal';
import type { PaymentMethod } from './payment-lines';
import { yuan } from '../../app/money';

type Values = { method: PaymentMethod; amountFen: number; reason: string };

/**
 * Money back to the customer by one method, never more than they paid by it, with the reason; a
 * supervisor allows it (a clerk's refund asks for their PIN). It counts in the day the screen showed.
 */
export function RefundModal({
  bill,
  onClose,
  onDone,
}: {
  bill: Bill;
  onClose: () => void;
  onDone: (bill: Bill) => void;
}) {
  const { t } = useTranslation();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const paid = Object.entries(bill.paidByMethod).filter(([, fen]) => fen > 0) as [PaymentMethod, number][];
  const required = { required: true, message: t('fieldErrors.required') };
  return (
    <MoneyModal<Values>
      title={t('pickup.refund.title', { ticketNo: bill.ticketNo })}
      testId="refund-modal"
      danger
      initialValues={{ method: paid[0]?.[0] }}
      run={(values, callWithOverride) =>
        callWithOverride('payments.refund', {
          ticket: bill.ticketId,
          method: values.method,
          amountFen: values.amountFen,
          reason: values.reason,
          businessDate: bill.businessDate,
          idempotencyKey,
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t('pickup.refund.help')}</Typography.Paragraph>
      <Form.Item name="method" label={t('pickup.refund.method')} rules={[required]}>
        <Radio.Group
          optionType="button"
          options={paid.map(([method, fen]) => ({
            value: method,
            label: `${t(`paymentMethods.${method}`)} ${yuan(fen)}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="amountFen"
        label={t('pickup.refund.amount')}
        rules={[required, yuanRule(t('fieldErrors.money_format'))]}
      >
        <YuanInput aria-label={t('pickup.refund.amount')} />
      </Form.Item>
      <Form.Item name="reason" label={t('pickup.refund.reason')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
    </MoneyModal>
  );
}
