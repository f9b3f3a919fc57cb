import { Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill } from '../../../shared/contract-payments';
import { YuanInput, yuanRule } from '../../components/YuanInput';
import { MoneyModal } from './MoneyModal';
import { yuan } from '../../app/money';

type Values = { amountFen: number; reason: string };

/**
 * Less to pay on a ticket, with the reason; a clerk's discount needs a supervisor's PIN (the core
 * records who allowed it). Never more than is still charged.
 */
export function DiscountModal({
  bill,
  onClose,
  onDone,
}: {
  bill: Bill;
  onClose: () => void;
  onDone: (bill: Bill) => void;
}) {
  const { t } = useTranslation();
  // Made once per dialog: a double press, or the retry after the supervisor's PIN, discounts once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const room = bill.chargesFen - bill.discountsFen;
  const required = { required: true, message: t('fieldErrors.required') };
  return (
    <MoneyModal<Values>
      title={t('pickup.discount.title', { ticketNo: bill.ticketNo })}
      testId="discount-modal"
      run={(values, callWithOverride) =>
        callWithOverride('payments.discount', {
          ticket: bill.ticketId,
          amountFen: values.amountFen,
          reason: values.reason,
          idempotencyKey,
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">
        {t('pickup.discount.room', { amount: yuan(room) })}
      </Typography.Paragraph>
      <Form.Item
        name="amountFen"
        label={t('pickup.discount.amount')}
        rules={[required, yuanRule(t('fieldErrors.money_format'))]}
      >
        <YuanInput aria-label={t('pickup.discount.amount')} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('pickup.discount.reason')}
        rules={[{ ...required, whitespace: true }]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </MoneyModal>
  );
}
