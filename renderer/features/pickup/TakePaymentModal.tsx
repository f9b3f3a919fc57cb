import { Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill } from '../../../shared/contract-payments';
import { usePaymentErrors } from './usePaymentErrors';
import { MoneyModal } from './MoneyModal';
import { PaymentLines } from './PaymentLines';
import { defaultDrafts, toPaymentLines, type DraftLine, type LineProblems } from './payment-lines';

type Kind = 'deposit' | 'payment';

const startingLines = (kind: Kind, bill: Bill): DraftLine[] =>
  kind === 'payment' ? defaultDrafts(bill.balanceFen) : [{ method: 'cash', amount: '', tendered: '' }];

/**
 * A deposit, or a payment towards the balance before the hand-back (never more than is due), split
 * across methods if the customer wishes; cash shows the change. It counts in the day the screen showed.
 */
export function TakePaymentModal({
  bill,
  onClose,
  onDone,
}: {
  bill: Bill;
  onClose: () => void;
  onDone: (bill: Bill) => void;
}) {
  const { t } = useTranslation();
  const { fieldText } = usePaymentErrors();
  // Made once per dialog: a double press takes the money once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [kind, setKind] = useState<Kind>(bill.balanceFen > 0 ? 'payment' : 'deposit');
  const [drafts, setDrafts] = useState(() => startingLines(kind, bill));
  const [problems, setProblems] = useState<LineProblems>({});

  return (
    <MoneyModal<{ note: string }>
      title={t('pickup.take.title', { ticketNo: bill.ticketNo })}
      testId="take-payment-modal"
      okText={t('pickup.take.ok')}
      run={async (values, callWithOverride) => {
        const checked = toPaymentLines(drafts, kind === 'payment' ? { atMost: bill.balanceFen } : {});
        setProblems(checked.problems);
        if (Object.keys(checked.problems).length > 0 || checked.lines.length === 0) return null;
        return callWithOverride('payments.take', {
          ticket: bill.ticketId,
          kind,
          lines: checked.lines,
          businessDate: bill.businessDate,
          note: values.note ?? '',
          idempotencyKey,
        });
      }}
      onRefused={(error) => setProblems(error.fields ?? {})}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item label={t('pickup.take.kind')}>
        <Radio.Group
          optionType="button"
          value={kind}
          data-testid="take-kind"
          onChange={(event) => {
            const next = event.target.value as Kind;
            setKind(next);
            setDrafts(startingLines(next, bill));
            setProblems({});
          }}
          options={[
            { value: 'payment', label: t('pickup.kinds.payment'), disabled: bill.balanceFen <= 0 },
            { value: 'deposit', label: t('pickup.kinds.deposit') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('pickup.take.lines')}>
        <PaymentLines
          drafts={drafts}
          onChange={(next) => {
            setDrafts(next);
            setProblems({});
          }}
          dueFen={kind === 'payment' ? bill.balanceFen : null}
          problems={problems}
          fieldText={fieldText}
          autoFocus
        />
      </Form.Item>
      <Form.Item name="note" label={t('pickup.take.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </MoneyModal>
  );
}
