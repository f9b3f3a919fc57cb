import { Button, Form, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairCall } from '../../../shared/contract-repair-calls';
import { call } from '../../api';
import { useCatalogue } from '../../app/useCatalogue';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';
import { ActionModal } from '../../components/ActionModal';

type Step = 'log' | 'answer' | 'cancel';
type LogValues = {
  customerName: string;
  customerPhone: string;
  categoryId?: string;
  brand?: string;
  model?: string;
  fault: string;
  address?: string;
};

/**
 * 叫修登记: calls logged before any device arrives, the answer deadline first. "Take in" opens the
 * intake filled from the call; saving it closes the call with its ticket.
 */
export function RepairCallsTab() {
  const { t } = useTranslation();
  const storeTime = useStoreTime();
  const { categories, category, nameOf } = useCatalogue();
  const [view, setView] = useState<'open' | 'closed'>('open');
  const { data, reload } = useRemote('repairCalls.list', { view });
  const [open, setOpen] = useState<{ step: Step; row?: RepairCall } | null>(null);
  const done = () => {
    setOpen(null);
    reload();
  };
  const target = open?.row ? { id: open.row.id, version: open.row.version } : null;

  const state = (row: RepairCall) => {
    if (row.closeReason === 'converted')
      return <Tag color="green">{t('quality.calls.converted', { ticketNo: row.ticketNo })}</Tag>;
    if (row.closeReason === 'cancelled') return <Tag>{t('quality.calls.cancelled')}</Tag>;
    if (row.overdue) return <Tag color="red">{t('quality.calls.overdue')}</Tag>;
    return row.answeredAt ? (
      <Tag color="blue">{t('quality.calls.answered')}</Tag>
    ) : (
      <Tag color="orange">{t('quality.calls.awaitingAnswer')}</Tag>
    );
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setOpen({ step: 'log' })}>
          {t('quality.calls.log')}
        </Button>
        <Segmented
          value={view}
          onChange={(value) => setView(value as 'open' | 'closed')}
          options={[
            { value: 'open', label: t('quality.calls.open') },
            { value: 'closed', label: t('quality.calls.closed') },
          ]}
        />
      </Space>
      <Table<RepairCall>
        rowKey="id"
        size="small"
        dataSource={data ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t(view === 'open' ? 'quality.calls.empty' : 'quality.calls.noneClosed') }}
        columns={[
          {
            title: t('quality.calls.columns.calledAt'),
            dataIndex: 'calledAt',
            render: (at: number) => storeTime(at),
          },
          {
            title: t('quality.calls.columns.answerBy'),
            dataIndex: 'answerDueAt',
            render: (at: number) => storeTime(at),
          },
          {
            title: t('quality.calls.columns.customer'),
            render: (_v, row) => `${row.customerName} ${row.customerPhone}`,
          },
          {
            title: t('quality.calls.columns.product'),
            render: (_v, row) =>
              [nameOf(category(row.categoryId ?? undefined)), row.brand, row.model].filter(Boolean).join(' '),
          },
          { title: t('quality.calls.columns.fault'), dataIndex: 'fault' },
          { title: t('quality.calls.columns.answer'), dataIndex: 'answer' },
          { title: t('quality.calls.columns.state'), render: (_v, row) => state(row) },
          {
            title: '',
            render: (_v, row) =>
              row.closedAt === null && (
                <Space size={4}>
                  {!row.answeredAt && (
                    <Button size="small" onClick={() => setOpen({ step: 'answer', row })}>
                      {t('quality.calls.actions.answer')}
                    </Button>
                  )}
                  <Button size="small" type="primary" href={`#/intake/${row.id}`}>
                    {t('quality.calls.actions.takeIn')}
                  </Button>
                  <Button size="small" danger onClick={() => setOpen({ step: 'cancel', row })}>
                    {t('quality.calls.actions.cancel')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {open?.step === 'log' && (
        <ActionModal<LogValues>
          title={t('quality.calls.log')}
          initialValues={{ categoryId: 'phone' }}
          run={(values) =>
            call('repairCalls.log', {
              ...values,
              categoryId: values.categoryId ?? null,
              idempotencyKey: crypto.randomUUID(),
            })
          }
          onClose={() => setOpen(null)}
          onDone={done}
        >
          <Form.Item
            name="customerPhone"
            label={t('quality.calls.fields.phone')}
            rules={[{ required: true, max: 30 }]}
          >
            <Input autoFocus />
          </Form.Item>
          <Form.Item
            name="customerName"
            label={t('quality.calls.fields.name')}
            rules={[{ required: true, max: 60 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="categoryId" label={t('quality.calls.fields.category')}>
            <Select options={categories.map((c) => ({ value: c.id, label: nameOf(c) }))} />
          </Form.Item>
          <Space.Compact block>
            <Form.Item
              name="brand"
              label={t('quality.calls.fields.brand')}
              rules={[{ max: 40 }]}
              style={{ flex: 1 }}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="model"
              label={t('quality.calls.fields.model')}
              rules={[{ max: 60 }]}
              style={{ flex: 1 }}
            >
              <Input />
            </Form.Item>
          </Space.Compact>
          <Form.Item
            name="fault"
            label={t('quality.calls.fields.fault')}
            rules={[{ required: true, max: 500 }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="address" label={t('quality.calls.fields.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </ActionModal>
      )}
      {open?.step === 'answer' && target && (
        <ActionModal<{ answer: string }>
          title={t('quality.calls.actions.answer')}
          run={(values) => call('repairCalls.answer', { ...target, ...values })}
          onClose={() => setOpen(null)}
          onDone={done}
        >
          <Form.Item
            name="answer"
            label={t('quality.calls.fields.answer')}
            rules={[{ required: true, max: 500 }]}
          >
            <Input.TextArea rows={2} autoFocus />
          </Form.Item>
        </ActionModal>
      )}
      {open?.step === 'cancel' && target && (
        <ActionModal<{ reason: string }>
          title={t('quality.calls.actions.cancel')}
          run={(values) => call('repairCalls.cancel', { ...target, ...values })}
          onClose={() => setOpen(null)}
          onDone={done}
        >
          <Form.Item
            name="reason"
            label={t('quality.calls.fields.reason')}
            rules={[{ required: true, max: 200 }]}
          >
            <Input autoFocus />
          </Form.Item>
        </ActionModal>
      )}
    </>
  );
}
