import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { vendorResults, type RepairCard } from '../../../shared/contract-repair';
import { nextStatuses } from '../../../shared/ticket-status';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { ActionModal } from '../../components/ActionModal';
import { NoteField } from './form-bits';

type Props = { card: RepairCard; onClose: () => void; onDone: () => void };
const required = (message: string) => [{ required: true, whitespace: true, message }];

/** Out to the manufacturer or a vendor in one step: custody entry, RMA number and status. */
export function ToVendorModal({ card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const last = card.vendorTrips.at(-1);
  return (
    <ActionModal<{ vendor: string; rmaNo: string; expectedBack?: Dayjs | null; note: string }>
      title={t('workflow.buttons.toVendor')}
      initialValues={{ vendor: last?.vendor ?? '' }}
      run={(values) =>
        call('repair.toVendor', {
          ticket: card.ticketId,
          version: card.version,
          vendor: values.vendor,
          rmaNo: values.rmaNo,
          expectedBack: values.expectedBack?.format('YYYY-MM-DD'),
          note: values.note ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="vendor"
        label={t('workflow.fields.vendor')}
        rules={required(t('fieldErrors.required'))}
      >
        <Input maxLength={60} autoFocus />
      </Form.Item>
      <Form.Item name="rmaNo" label={t('workflow.fields.rmaNo')} rules={required(t('fieldErrors.required'))}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="expectedBack" label={t('workflow.fields.expectedBack')}>
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <NoteField />
    </ActionModal>
  );
}

function FromVendorNote() {
  const result = Form.useWatch<string>('result');
  return <NoteField required={result === 'unrepaired'} />;
}

/** Back from the vendor: repaired (to the supervisor's check), more work, or not repaired. */
export function FromVendorModal({ card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const role = useSession().staff.role;
  const allowed = nextStatuses(card.status, role, 'vendor');
  const to = {
    repaired: 'awaiting_check',
    more_work: 'in_repair',
    unrepaired: 'returned_unrepaired',
  } as const;
  return (
    <ActionModal<{ result: (typeof vendorResults)[number]; note: string }>
      title={t('workflow.buttons.fromVendor')}
      initialValues={{ result: 'repaired' }}
      run={(values) =>
        call('repair.fromVendor', {
          ticket: card.ticketId,
          version: card.version,
          result: values.result,
          note: values.note ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <p>{card.vendorTrips.at(-1)?.rmaNo}</p>
      <Form.Item name="result" label={t('workflow.fields.vendorResult')}>
        <Radio.Group
          options={vendorResults.map((value) => ({
            value,
            label: t(`workflow.fields.vendorResults.${value}`),
            disabled: !allowed.includes(to[value]),
          }))}
        />
      </Form.Item>
      <FromVendorNote />
    </ActionModal>
  );
}
