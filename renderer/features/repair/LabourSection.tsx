import { App, Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../../shared/contract';
import type { RepairCard } from '../../../shared/contract-repair';
import { supervisorRoles } from '../../../shared/roles';
import { isWorkStatus } from '../../../shared/ticket-status';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { useErrorText } from '../../app/useErrorText';
import { useStoreTime } from '../../app/useStoreTime';
import { ActionModal } from '../../components/ActionModal';
import { NoteField } from './form-bits';
import { elapsed, useNow } from './useNow';
import { useTechnicians } from '../../app/useTechnicians';

type Entry = RepairCard['labour'][number];
type Props = { card: RepairCard; onChanged: () => void };

/** Minutes written by hand; a supervisor may write them for another technician. */
function LogModal({ card, onClose, onDone }: { card: RepairCard; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const supervisor = supervisorRoles.includes(staff.role);
  const technicians = useTechnicians(supervisor);
  return (
    <ActionModal<{ minutes: number; technicianId: string; note: string }>
      title={t('workflow.labour.log')}
      initialValues={{ technicianId: staff.id }}
      run={(values) =>
        call('repair.logLabour', {
          ticket: card.ticketId,
          minutes: values.minutes,
          technicianId: values.technicianId,
          note: values.note ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="minutes"
        label={t('workflow.labour.minutes')}
        rules={[{ required: true, message: t('fieldErrors.required') }]}
      >
        <InputNumber min={1} max={6000} precision={0} autoFocus />
      </Form.Item>
      {supervisor && (
        <Form.Item name="technicianId" label={t('workflow.fields.technician')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={technicians.map((person) => ({ value: person.id, label: person.name }))}
          />
        </Form.Item>
      )}
      <NoteField />
    </ActionModal>
  );
}

/** A wrong entry is undone by a reversing one, with the reason; the wrong one stays on the card. */
function ReverseModal({ entry, onClose, onDone }: { entry: Entry; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionModal<{ reason: string }>
      title={t('workflow.labour.reverseTitle', { name: entry.technician.name, minutes: entry.minutes })}
      okText={t('workflow.labour.reverse')}
      danger
      run={(values) => call('repair.reverseLabour', { entryId: entry.id, reason: values.reason })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="reason"
        label={t('workflow.labour.reverseReason')}
        rules={[{ required: true, whitespace: true, message: t('fieldErrors.reason_required') }]}
      >
        <Input maxLength={200} autoFocus />
      </Form.Item>
    </ActionModal>
  );
}

/**
 * Labour on the repair card: the signed-in technician's start/stop timer (showing the running time),
 * minutes logged by hand, the total per technician, and a supervisor's reversal of a wrong entry.
 */
export function LabourSection({ card, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const time = useStoreTime();
  const now = useNow();
  const { staff } = useSession();
  const [open, setOpen] = useState<'log' | Entry | null>(null);
  const working = isWorkStatus(card.status) && card.status !== 'at_vendor';
  const mine = card.timers.find((timer) => timer.technician.id === staff.id);
  const canTime = canCall('repair.timer', staff.role) && working;

  const toggle = async () => {
    const result = await call('repair.timer', { ticket: card.ticketId, running: !mine, note: '' });
    if (!result.ok) void message.error(errorText(result.error));
    onChanged();
  };
  const done = () => {
    setOpen(null);
    onChanged();
  };

  return (
    <div data-testid="repair-labour" style={{ marginTop: 12 }}>
      <Space wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong>{t('workflow.labour.title')}</Typography.Text>
        {canTime && (
          <Button
            size="small"
            type={mine ? 'primary' : 'default'}
            danger={!!mine}
            onClick={() => void toggle()}
          >
            {mine
              ? t('workflow.labour.stop', { time: elapsed(mine.startedAt, now) })
              : t('workflow.labour.start')}
          </Button>
        )}
        {canCall('repair.logLabour', staff.role) && working && (
          <Button size="small" onClick={() => setOpen('log')}>
            {t('workflow.labour.log')}
          </Button>
        )}
        {card.timers
          .filter((timer) => timer !== mine)
          .map((timer) => (
            <Tag key={timer.technician.id} color="processing">
              {t('workflow.labour.running', {
                name: timer.technician.name,
                time: elapsed(timer.startedAt, now),
              })}
            </Tag>
          ))}
        {card.labour.length === 0 && card.timers.length === 0 && (
          <Typography.Text type="secondary">{t('workflow.labour.none')}</Typography.Text>
        )}
        {card.labourByTechnician.map((row) => (
          <Tag key={row.technician.id} data-testid="labour-total">
            {row.technician.name} {t('workflow.labour.minutesCount', { count: row.minutes })}
          </Tag>
        ))}
      </Space>
      {card.labour.length > 0 && (
        <Table<Entry>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={card.labour}
          columns={[
            { title: t('workflow.timeline.at'), dataIndex: 'at', render: (at: number) => time(at) },
            { title: t('workflow.fields.technician'), key: 'who', render: (_, e) => e.technician.name },
            { title: t('workflow.labour.minutes'), dataIndex: 'minutes', align: 'right' },
            {
              title: t('workflow.timeline.action'),
              key: 'source',
              render: (_, e) => (
                <>
                  {t(`workflow.labour.sources.${e.source}`)}
                  {e.reversed && <Tag style={{ marginLeft: 4 }}>{t('workflow.labour.reversed')}</Tag>}
                </>
              ),
            },
            { title: t('workflow.timeline.note'), dataIndex: 'note' },
            {
              key: 'act',
              render: (_, e) =>
                canCall('repair.reverseLabour', staff.role) && e.source !== 'reversal' && !e.reversed ? (
                  <Button size="small" type="link" danger onClick={() => setOpen(e)}>
                    {t('workflow.labour.reverse')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {open === 'log' && <LogModal card={card} onClose={() => setOpen(null)} onDone={done} />}
      {open && open !== 'log' && <ReverseModal entry={open} onClose={() => setOpen(null)} onDone={done} />}
    </div>
  );
}
