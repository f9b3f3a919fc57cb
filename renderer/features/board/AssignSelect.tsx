import { App, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract-repair';
import { call } from '../../api';
import { useErrorText } from '../../app/useErrorText';
import type { Technician } from '../../app/useTechnicians';

type Props = {
  row: BoardRow;
  technicians: Technician[];
  /** The picker opened or closed: the board holds its refreshes meanwhile. */
  onPicking: (open: boolean) => void;
  /** After the call, whatever it answered: the board reads the rows again. */
  onDone: () => void;
};

/**
 * 派工 from the board: picking a technician assigns the job, clearing unassigns it. The call names the
 * version the row was shown at, so a job changed meanwhile is refused and the board reloads.
 */
export function AssignSelect({ row, technicians, onPicking, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [saving, setSaving] = useState(false);
  const current = row.assignedTo;
  // Someone deactivated since keeps their name on the job until it is reassigned.
  const options = [
    ...(current && !technicians.some((person) => person.id === current.id) ? [current] : []),
    ...technicians,
  ].map((person) => ({ value: person.id, label: person.name }));

  const assign = async (technicianId: string | null) => {
    onPicking(false);
    setSaving(true);
    const result = await call('repair.assign', {
      ticket: row.id,
      version: row.version,
      technicianId,
      note: '',
    });
    setSaving(false);
    if (!result.ok) void message.error(errorText(result.error));
    else {
      const name = options.find((option) => option.value === technicianId)?.label;
      void message.success(
        name
          ? t('board.assigned', { ticketNo: row.ticketNo, name })
          : t('board.unassignedDone', { ticketNo: row.ticketNo }),
      );
    }
    onDone();
  };

  return (
    <Select<string>
      size="small"
      style={{ width: '100%' }}
      aria-label={t('board.assignOf', { ticketNo: row.ticketNo })}
      placeholder={t('board.assign')}
      value={current?.id}
      loading={saving}
      disabled={saving}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      options={options}
      onOpenChange={onPicking}
      onChange={(value) => void assign(value ?? null)}
    />
  );
}
