import { Button, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../shared/contract-quality';
import { severities } from '../../../shared/contract-quality';
import { call } from '../../api';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';
import { ActionModal } from '../../components/ActionModal';

type Step = 'log' | 'assign' | 'reply' | 'resolve' | 'answer';
type Open = { step: Step; complaint?: Complaint };

const severityColour = { low: 'default', normal: 'orange', high: 'red' } as const;

/** The complaints board: open ones by deadline (escalated first to the eye), then the resolved. */
export function ComplaintsTab() {
  const { t } = useTranslation();
  const storeTime = useStoreTime();
  const { data, reload } = useRemote('complaints.board', {});
  const { data: roster } = useRemote('auth.roster', {});
  const [open, setOpen] = useState<Open | null>(null);

  const state = (row: Complaint) => {
    if (row.acceptance)
      return t(`quality.complaints.${row.acceptance === 'accepted' ? 'accepted' : 'notAccepted'}`);
    if (row.resolvedAt) return t('quality.complaints.awaitingAnswer');
    return t(`quality.complaints.${row.repliedAt ? 'replied' : 'awaitingReply'}`);
  };
  const actions = (row: Complaint) => {
    const steps: Step[] = row.resolvedAt
      ? row.acceptance
        ? []
        : ['answer']
      : ['assign', 'reply', ...(row.repliedAt ? (['resolve'] as const) : [])];
    return (
      <Space size={4}>
        {steps.map((step) => (
          <Button key={step} size="small" onClick={() => setOpen({ step, complaint: row })}>
            {t(`quality.complaints.actions.${step}`)}
          </Button>
        ))}
      </Space>
    );
  };
  const table = (rows: Complaint[], withActions: boolean) => (
    <Table<Complaint>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t(withActions ? 'quality.complaints.empty' : 'quality.complaints.noneResolved') }}
      columns={[
        {
          title: t('quality.complaints.columns.created'),
          dataIndex: 'createdAt',
          render: (at: number) => storeTime(at),
        },
        {
          title: t('quality.complaints.columns.customer'),
          render: (_v, row) => (
            <>
              {row.customerName} {row.customerPhone}
              {row.ticketNo && <Typography.Text type="secondary"> · {row.ticketNo}</Typography.Text>}
            </>
          ),
        },
        {
          title: t('quality.complaints.columns.summary'),
          render: (_v, row) => (
            <>
              <Tag>{t(`quality.complaints.sources.${row.source}`)}</Tag>
              {row.summary}
            </>
          ),
        },
        {
          title: t('quality.complaints.columns.severity'),
          dataIndex: 'severity',
          render: (severity: Complaint['severity']) => (
            <Tag color={severityColour[severity]}>{t(`quality.complaints.severities.${severity}`)}</Tag>
          ),
        },
        { title: t('quality.complaints.columns.owner'), render: (_v, row) => row.owner?.name ?? '' },
        {
          title: t('quality.complaints.columns.replyDue'),
          dataIndex: 'replyDueAt',
          render: (at: number) => storeTime(at),
        },
        {
          title: t('quality.complaints.columns.resolveDue'),
          dataIndex: 'resolveDueAt',
          render: (at: number) => storeTime(at),
        },
        {
          title: t('quality.complaints.columns.state'),
          render: (_v, row) => (
            <Space direction="vertical" size={0}>
              <span data-testid="complaint-state">{state(row)}</span>
              {row.escalated && <Tag color="red">{t('quality.complaints.escalated')}</Tag>}
            </Space>
          ),
        },
        ...(withActions ? [{ title: '', render: (_v: unknown, row: Complaint) => actions(row) }] : []),
      ]}
    />
  );

  const complaint = open?.complaint;
  const target = complaint ? { id: complaint.id, version: complaint.version } : null;
  const done = () => {
    setOpen(null);
    reload();
  };
  return (
    <>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setOpen({ step: 'log' })}>
        {t('quality.complaints.log')}
      </Button>
      <Typography.Title level={5}>{t('quality.complaints.open')}</Typography.Title>
      {table([...(data?.open ?? []), ...(data?.resolved.filter((row) => !row.acceptance) ?? [])], true)}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('quality.complaints.resolved')}
      </Typography.Title>
      {table(data?.resolved.filter((row) => row.acceptance) ?? [], false)}

      {open?.step === 'log' && (
        <ActionModal<{
          ticketNo?: string;
          source: 'call' | 'counter';
          severity: Complaint['severity'];
          customerName: string;
          customerPhone: string;
          summary: string;
        }>
          title={t('quality.complaints.log')}
          initialValues={{ source: 'counter', severity: 'normal' }}
          run={(values) =>
            call('complaints.log', {
              ...values,
              ticketNo: values.ticketNo?.trim() || undefined,
              idempotencyKey: crypto.randomUUID(),
            })
          }
          onClose={() => setOpen(null)}
          onDone={done}
        >
          <Form.Item name="source" label={t('quality.complaints.fields.source')}>
            <Radio.Group
              options={(['counter', 'call'] as const).map((source) => ({
                value: source,
                label: t(`quality.complaints.sources.${source}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="ticketNo" label={t('quality.complaints.fields.ticketNo')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="customerName"
            label={t('quality.complaints.fields.customerName')}
            rules={[{ required: true, max: 60 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="customerPhone"
            label={t('quality.complaints.fields.customerPhone')}
            rules={[{ required: true, max: 30 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="severity" label={t('quality.complaints.fields.severity')}>
            <Radio.Group
              optionType="button"
              options={severities.map((severity) => ({
                value: severity,
                label: t(`quality.complaints.severities.${severity}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="summary"
            label={t('quality.complaints.fields.summary')}
            rules={[{ required: true, max: 1000 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
      {open?.step === 'assign' && target && (
        <ActionModal<{ ownerId: string }>
          title={t('quality.complaints.actions.assign')}
          initialValues={{ ownerId: complaint?.owner?.id }}
          run={(values) => call('complaints.assign', { ...target, ...values })}
          onClose={() => setOpen(null)}
          onDone={done}
        >
          <Form.Item name="ownerId" label={t('quality.complaints.fields.owner')} rules={[{ required: true }]}>
            <Select
              options={(roster ?? [])
                .filter((member) => member.role !== 'technician')
                .map((member) => ({ value: member.id, label: member.name }))}
            />
          </Form.Item>
        </ActionModal>
      )}
      {(open?.step === 'reply' || open?.step === 'resolve') && target && (
        <ActionModal<{ text: string }>
          title={t(`quality.complaints.actions.${open.step}`)}
          run={({ text }) =>
            open.step === 'reply'
              ? call('complaints.reply', { ...target, reply: text })
              : call('complaints.resolve', { ...target, resolution: text })
          }
          onClose={() => setOpen(null)}
          onDone={done}
        >
          <Form.Item
            name="text"
            label={t(`quality.complaints.fields.${open.step === 'reply' ? 'reply' : 'resolution'}`)}
            rules={[{ required: true, max: 1000 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
      {open?.step === 'answer' && target && (
        <ActionModal<{ accepted: boolean; note?: string }>
          title={t('quality.complaints.actions.answer')}
          initialValues={{ accepted: true }}
          run={(values) =>
            call('complaints.accept', { ...target, accepted: values.accepted, note: values.note ?? '' })
          }
          onClose={() => setOpen(null)}
          onDone={done}
        >
          <Form.Item name="accepted" label={t('quality.complaints.fields.accepted')}>
            <Radio.Group
              options={[
                { value: true, label: t('quality.complaints.yes') },
                { value: false, label: t('quality.complaints.no') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('quality.complaints.fields.note')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </ActionModal>
      )}
    </>
  );
}
