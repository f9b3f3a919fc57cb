import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairCard } from '../../../shared/contract-repair';
import type { TicketStatus } from '../../../shared/ticket-status';
import { call } from '../../api';
import { ActionModal } from '../../components/ActionModal';
import { NoteField } from './form-bits';
import { useTechnicians } from '../../app/useTechnicians';

type Props = { card: RepairCard; onClose: () => void; onDone: () => void };

/** What a plain move is called on its button and its dialog. */
export function useMoveLabel(): (from: string, to: TicketStatus) => string {
  const { t } = useTranslation();
  return (from, to) => {
    const status = t(`statuses.${to}`);
    if (from === 'on_hold') return t('workflow.moves.resume', { status });
    if (from === 'ready' && to === 'in_repair') return t('workflow.moves.reopen');
    return t(`workflow.moves.${to}`, { defaultValue: t('workflow.moves.other', { status }) });
  };
}

/** A plain move of the state machine, with the note the rule asks for (why on hold, why cancelled). */
export function MoveModal({
  card,
  to,
  needsNote,
  onClose,
  onDone,
}: Props & { to: TicketStatus; needsNote: boolean }) {
  const label = useMoveLabel();
  const danger = to === 'cancelled' || to === 'returned_unrepaired';
  return (
    <ActionModal<{ note: string }>
      title={label(card.status, to)}
      okText={label(card.status, to)}
      danger={danger}
      run={(values) =>
        call('repair.move', { ticket: card.ticketId, version: card.version, to, note: values.note ?? '' })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <NoteField required={needsNote} autoFocus />
    </ActionModal>
  );
}

/** 派工: a supervisor picks the technician (type to search, Enter to pick). */
export function AssignModal({ card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const options = useTechnicians().map((person) => ({
    value: person.id,
    label: `${person.name} (${t(`roles.${person.role}`)})`,
  }));
  return (
    <ActionModal<{ technicianId: string | null; note: string }>
      title={t('workflow.buttons.assign')}
      initialValues={{ technicianId: card.assignedTo?.id ?? null }}
      run={(values) =>
        call('repair.assign', {
          ticket: card.ticketId,
          version: card.version,
          technicianId: values.technicianId ?? null,
          note: values.note ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="technicianId" label={t('workflow.fields.technician')}>
        <Select
          autoFocus
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('workflow.unassigned')}
          options={options}
        />
      </Form.Item>
      <NoteField />
    </ActionModal>
  );
}
