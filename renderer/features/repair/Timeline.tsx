import { Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RepairCard } from '../../../shared/contract-repair';
import { useStoreTime } from '../../app/useStoreTime';
import { yuan } from '../../app/money';

type Event = RepairCard['events'][number];
type Row = Event & { key: number };

/** The extras an act carries, in words: to whom it was assigned, the estimate, the QC result... */
function detailsOf(event: Event, t: TFunction): string {
  const d = event.details;
  const text = (key: string) => (typeof d[key] === 'string' ? d[key] : '');
  switch (event.action) {
    case 'assign':
    case 'claim':
      return d.name
        ? t('workflow.timeline.assignedTo', { name: text('name') })
        : t('workflow.timeline.unassigned');
    case 'diagnose':
      return typeof d.estimateFen === 'number'
        ? t('workflow.timeline.estimate', { amount: yuan(d.estimateFen) })
        : '';
    case 'approve':
      return [
        t(`workflow.fields.decisions.${text('decision')}`),
        t(`workflow.fields.methods.${text('method')}`),
        text('givenBy'),
        typeof d.amountFen === 'number' ? yuan(d.amountFen) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'qc':
      return d.qcPassed ? t('workflow.timeline.qcPassed') : t('workflow.timeline.qcFailed');
    case 'check':
      return d.passed ? t('workflow.timeline.checkPassed') : t('workflow.timeline.checkFailed');
    case 'to_vendor':
      return [text('vendor'), text('rmaNo')].filter(Boolean).join(' · ');
    case 'from_vendor':
      return text('result') ? t(`workflow.fields.vendorResults.${text('result')}`) : '';
    case 'outcome':
      return text('outcome') ? t(`workflow.fields.outcomes.${text('outcome')}`) : '';
    default:
      return '';
  }
}

/** Every act on the ticket: when (store time), who, what, the status it moved between, the note. */
export function Timeline({ events }: { events: Event[] }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const status = (s: string | null) => (s ? t(`statuses.${s}`, { defaultValue: s }) : '');
  return (
    <div data-testid="timeline" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('workflow.timeline.title')}</Typography.Text>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={events.map((event, key) => ({ ...event, key })).reverse()}
        columns={[
          { title: t('workflow.timeline.at'), dataIndex: 'at', width: 150, render: (at: number) => time(at) },
          { title: t('workflow.timeline.staff'), dataIndex: 'staffName', width: 90 },
          {
            title: t('workflow.timeline.action'),
            key: 'action',
            render: (_, event) => {
              const extra = detailsOf(event, t);
              const name = t(`workflow.timeline.actions.${event.action}`, { defaultValue: event.action });
              return extra ? t('workflow.timeline.withDetails', { action: name, details: extra }) : name;
            },
          },
          {
            title: t('workflow.timeline.change'),
            key: 'change',
            render: (_, event) =>
              event.fromStatus && event.fromStatus !== event.toStatus
                ? `${status(event.fromStatus)} → ${status(event.toStatus)}`
                : status(event.toStatus),
          },
          { title: t('workflow.timeline.note'), dataIndex: 'note' },
        ]}
      />
    </div>
  );
}
