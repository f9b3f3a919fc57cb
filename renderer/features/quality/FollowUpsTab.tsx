import { App, Button, Form, Input, Radio, Switch, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../shared/contract-quality';
import { satisfactionLevels } from '../../../shared/contract-quality';
import { call } from '../../api';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';
import { ActionModal } from '../../components/ActionModal';

type CallValues = { reached: boolean; level?: keyof typeof satisfactionLevels; comment?: string };

/** The follow-up queue, due first; a call is recorded in a dialog (Enter sends it). */
export function FollowUpsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const storeTime = useStoreTime();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const { data, reload } = useRemote('followups.queue', { view: overdueOnly ? 'overdue' : 'open' });
  const [calling, setCalling] = useState<FollowUp | null>(null);

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch
          checked={overdueOnly}
          onChange={setOverdueOnly}
          aria-label={t('quality.followUps.overdueOnly')}
        />
        {t('quality.followUps.overdueOnly')}
      </Space>
      <Table<FollowUp>
        rowKey="id"
        size="small"
        dataSource={data ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('quality.followUps.empty') }}
        columns={[
          {
            title: t('quality.followUps.columns.due'),
            dataIndex: 'dueAt',
            render: (at: number, row) => (
              <Space>
                {storeTime(at)}
                {row.overdue && <Tag color="red">{t('quality.followUps.overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('quality.followUps.columns.customer'), dataIndex: 'customerName' },
          { title: t('quality.followUps.columns.phone'), dataIndex: 'customerPhone' },
          {
            title: t('quality.followUps.columns.subject'),
            render: (_v, row) => [row.ticketNo, row.subject].filter(Boolean).join(' · '),
          },
          {
            title: t('quality.followUps.columns.reason'),
            dataIndex: 'reason',
            render: (reason: FollowUp['reason']) => t(`quality.reasons.${reason}`),
          },
          { title: t('quality.followUps.columns.attempts'), dataIndex: 'attempts' },
          {
            title: '',
            render: (_v, row) => (
              <Button size="small" type="primary" onClick={() => setCalling(row)}>
                {t('quality.followUps.call')}
              </Button>
            ),
          },
        ]}
      />
      {calling && (
        <ActionModal<CallValues>
          title={t('quality.followUps.dialogTitle', { name: calling.customerName })}
          initialValues={{ reached: true }}
          run={async (values) => {
            const result = await call('followups.record', {
              followUpId: calling.id,
              reached: values.reached,
              ...(values.reached && values.level ? { level: values.level } : {}),
              comment: values.comment ?? '',
              idempotencyKey: crypto.randomUUID(),
            });
            if (result.ok && result.value.complaintId)
              void message.warning(t('quality.followUps.openedComplaint'));
            return result;
          }}
          onClose={() => setCalling(null)}
          onDone={() => {
            setCalling(null);
            reload();
          }}
        >
          <Form.Item name="reached" label={t('quality.followUps.reached')}>
            <Radio.Group
              options={[
                { value: true, label: t('quality.followUps.reachedYes') },
                { value: false, label: t('quality.followUps.reachedNo') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['reached']}>
            {({ getFieldValue }) =>
              getFieldValue('reached') ? (
                <Form.Item name="level" label={t('quality.followUps.rating')} rules={[{ required: true }]}>
                  <Radio.Group
                    optionType="button"
                    options={Object.keys(satisfactionLevels).map((level) => ({
                      value: level,
                      label: t(`quality.followUps.levels.${level}`),
                    }))}
                  />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item name="comment" label={t('quality.followUps.comment')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
    </>
  );
}
