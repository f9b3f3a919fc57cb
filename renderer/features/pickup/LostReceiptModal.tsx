import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { identityDocuments, type Bill } from '../../../shared/contract-payments';
import { MoneyModal } from './MoneyModal';

type Values = {
  document: (typeof identityDocuments)[number];
  documentTail: string;
  name: string;
  note: string;
};

/**
 * The customer lost the claim receipt: a supervisor checks an identity document (its kind and last
 * characters are recorded, never the whole number) and voids the receipt, so the device can go back
 * without it. A clerk asks for the supervisor's PIN.
 */
export function LostReceiptModal({
  bill,
  onClose,
  onDone,
}: {
  bill: Bill;
  onClose: () => void;
  onDone: (bill: Bill) => void;
}) {
  const { t } = useTranslation();
  const required = { required: true, message: t('fieldErrors.required') };
  return (
    <MoneyModal<Values>
      title={t('pickup.lost.title')}
      testId="lost-receipt-modal"
      initialValues={{ document: 'id_card', name: bill.customerName, note: '' }}
      run={(values, callWithOverride) =>
        // Voiding twice is refused by the core itself, so this act needs no idempotency key.
        callWithOverride('pickup.lostReceipt', {
          ticket: bill.ticketId,
          document: values.document,
          documentTail: values.documentTail.trim(),
          name: values.name,
          note: values.note ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t('pickup.lost.help')}</Typography.Paragraph>
      <Form.Item name="document" label={t('pickup.lost.document')} rules={[required]}>
        <Select
          options={identityDocuments.map((document) => ({
            value: document,
            label: t(`pickup.documents.${document}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="documentTail"
        label={t('pickup.lost.documentTail')}
        extra={t('pickup.lost.documentTailHelp')}
        rules={[
          required,
          { pattern: /^\s*[0-9A-Za-z]{4,6}\s*$/, message: t('pickup.fieldErrors.document_tail_format') },
        ]}
      >
        <Input autoFocus maxLength={6} autoComplete="off" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="name" label={t('pickup.lost.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="note" label={t('pickup.lost.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </MoneyModal>
  );
}
