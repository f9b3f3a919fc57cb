import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairCard } from '../../../shared/contract-repair';
import { call } from '../../api';
import { YuanInput, yuanRule } from '../../components/YuanInput';
import { ActionModal } from '../../components/ActionModal';
import { SendingTextArea } from './form-bits';
import { yuan } from '../../app/money';

type Values = {
  diagnosis: string;
  cause: string;
  estimateFen: number | null;
  next: 'in_repair' | 'awaiting_parts' | 'diagnosing';
};

/** Says before saving that an estimate over the customer's limit sends the job to the customer. */
function LimitHint({ card }: { card: RepairCard }) {
  const { t } = useTranslation();
  const estimate = Form.useWatch<number | null>('estimateFen') ?? 0;
  const limit = card.costLimitFen;
  const approved = card.approvedFen ?? -1;
  if (limit === null) return <Alert type="info" showIcon title={t('workflow.fields.noLimit')} />;
  const over = !Number.isNaN(estimate) && estimate > limit && approved < estimate;
  return (
    <Alert
      data-testid="limit-hint"
      type={over ? 'warning' : 'info'}
      showIcon
      title={
        over
          ? t('workflow.fields.overLimit', { estimate: yuan(estimate), limit: yuan(limit) })
          : t('workflow.fields.costLimit', { limit: yuan(limit) })
      }
    />
  );
}

/** The technician's diagnosis, cause and estimate; a received job starts diagnosis with it. */
export function DiagnoseModal({
  card,
  onClose,
  onDone,
}: {
  card: RepairCard;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const choosesNext = card.status === 'received' || card.status === 'diagnosing';
  return (
    <ActionModal<Values>
      title={t('workflow.buttons.diagnose')}
      initialValues={{
        diagnosis: card.diagnosis,
        cause: card.cause,
        estimateFen: card.estimateFen,
        next: 'in_repair',
      }}
      run={(values) =>
        call('repair.diagnose', {
          ticket: card.ticketId,
          version: card.version,
          diagnosis: values.diagnosis,
          cause: values.cause ?? '',
          estimateFen: values.estimateFen ?? 0,
          next: values.next,
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="diagnosis"
        label={t('workflow.fields.diagnosis')}
        rules={[{ required: true, whitespace: true, message: t('fieldErrors.required') }]}
      >
        <SendingTextArea maxLength={500} autoFocus />
      </Form.Item>
      <Form.Item name="cause" label={t('workflow.fields.cause')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="estimateFen"
        label={t('workflow.fields.estimate')}
        rules={[yuanRule(t('fieldErrors.money_format'))]}
      >
        <YuanInput />
      </Form.Item>
      {choosesNext && (
        <Form.Item name="next" label={t('workflow.fields.next')}>
          <Radio.Group
            optionType="button"
            options={(['in_repair', 'awaiting_parts', 'diagnosing'] as const).map((value) => ({
              value,
              label: t(`workflow.fields.nextOptions.${value}`),
            }))}
          />
        </Form.Item>
      )}
      <LimitHint card={card} />
    </ActionModal>
  );
}
