import { Alert, Descriptions, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { approvalMethods, type RepairCard } from '../../../shared/contract-repair';
import { call } from '../../api';
import { ActionModal } from '../../components/ActionModal';
import { NoteField } from './form-bits';
import { yuan } from '../../app/money';

type Values = {
  decision: 'approved' | 'declined';
  method: (typeof approvalMethods)[number];
  givenBy: string;
  next: 'in_repair' | 'awaiting_parts';
  note: string;
};

function DeclinedHint({ card }: { card: RepairCard }) {
  const { t } = useTranslation();
  const decision = Form.useWatch<Values['decision']>('decision');
  if (decision !== 'declined') return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('workflow.fields.declinedHint', { fee: yuan(card.diagnosisFeeFen) })}
    />
  );
}

/** The customer's answer to an estimate over their limit: what, how it was given, and by whom. */
export function ApprovalModal({
  card,
  customerName,
  onClose,
  onDone,
}: {
  card: RepairCard;
  customerName: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ActionModal<Values>
      title={t('workflow.buttons.approve')}
      initialValues={{ decision: 'approved', method: 'phone', givenBy: customerName, next: 'in_repair' }}
      run={(values) =>
        call('repair.approve', {
          ticket: card.ticketId,
          version: card.version,
          decision: values.decision,
          method: values.method,
          givenBy: values.givenBy,
          next: values.next,
          note: values.note ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('workflow.fields.estimate')}>
          <span data-testid="approval-amounts">
            {t('workflow.fields.estimateVsLimit', {
              estimate: yuan(card.estimateFen),
              limit: yuan(card.costLimitFen),
            })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('workflow.fields.diagnosis')}>{card.diagnosis}</Descriptions.Item>
      </Descriptions>
      <Form.Item name="decision" label={t('workflow.fields.decision')}>
        <Radio.Group
          optionType="button"
          options={(['approved', 'declined'] as const).map((value) => ({
            value,
            label: t(`workflow.fields.decisions.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="method" label={t('workflow.fields.method')}>
        <Radio.Group
          optionType="button"
          options={approvalMethods.map((value) => ({ value, label: t(`workflow.fields.methods.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="givenBy"
        label={t('workflow.fields.givenBy')}
        rules={[{ required: true, whitespace: true, message: t('fieldErrors.required') }]}
      >
        <Input maxLength={60} autoFocus />
      </Form.Item>
      <Form.Item name="next" label={t('workflow.fields.next')}>
        <Radio.Group
          optionType="button"
          options={(['in_repair', 'awaiting_parts'] as const).map((value) => ({
            value,
            label: t(`workflow.fields.nextOptions.${value}`),
          }))}
        />
      </Form.Item>
      <DeclinedHint card={card} />
      <NoteField />
    </ActionModal>
  );
}
