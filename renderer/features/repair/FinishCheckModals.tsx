import { Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairCard } from '../../../shared/contract-repair';
import { call } from '../../api';
import { ActionModal } from '../../components/ActionModal';
import { NoteField, SendingTextArea } from './form-bits';

type Props = { card: RepairCard; onClose: () => void; onDone: () => void };

/** The technician's QC: what was done, passed or not (a fail keeps the job in repair). */
export function FinishModal({ card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <ActionModal<{ actionTaken: string; qcPassed: boolean; note: string }>
      title={t('workflow.buttons.finish')}
      initialValues={{ actionTaken: card.actionTaken, qcPassed: true }}
      run={(values) =>
        call('repair.finish', {
          ticket: card.ticketId,
          version: card.version,
          actionTaken: values.actionTaken,
          qcPassed: values.qcPassed,
          note: values.note ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="actionTaken"
        label={t('workflow.fields.actionTaken')}
        rules={[{ required: true, whitespace: true, message: t('fieldErrors.required') }]}
      >
        <SendingTextArea maxLength={500} autoFocus />
      </Form.Item>
      <Form.Item name="qcPassed" label={t('workflow.fields.qc')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('workflow.fields.qcPassed') },
            { value: false, label: t('workflow.fields.qcFailed') },
          ]}
        />
      </Form.Item>
      <NoteField />
    </ActionModal>
  );
}

function CheckNote() {
  const passed = Form.useWatch<boolean>('passed');
  return <NoteField required={passed === false} />;
}

/** 主任验讫: a pass makes the job ready for pickup; a fail sends it back to repair, with a note. */
export function CheckModal({ card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <ActionModal<{ passed: boolean; note: string }>
      title={t('workflow.buttons.check')}
      initialValues={{ passed: true }}
      run={(values) =>
        call('repair.check', {
          ticket: card.ticketId,
          version: card.version,
          passed: values.passed,
          note: values.note ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <p>
        {t('workflow.fields.actionTaken')}: {card.actionTaken}
      </p>
      <Form.Item name="passed" label={t('workflow.fields.checkResult')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('workflow.fields.checkPassed') },
            { value: false, label: t('workflow.fields.checkFailed') },
          ]}
        />
      </Form.Item>
      <CheckNote />
    </ActionModal>
  );
}
