import { App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { useErrorText } from '../../app/useErrorText';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';
import { useOverride } from '../auth/useOverride';
import { MoveDeviceModal } from './MoveDeviceModal';
import { useLocationName } from './useLocationName';

type TrailRow = OutputOf<'goods.whereIs'>['trail'][number];

const placeColour = {
  on_premises: 'green',
  at_vendor: 'blue',
  at_other_store: 'purple',
  with_customer: 'default',
  disposed: 'red',
};

/** A ticket's custody: where the device is now, every movement, and the buttons to move or correct it. */
export function CustodyPanel({ ticketNo }: { ticketNo: string }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const locationName = useLocationName();
  const { callWithOverride, dialog } = useOverride();
  const { data, reload } = useRemote('goods.whereIs', { ticket: ticketNo });
  const [moving, setMoving] = useState(false);
  const [reversing, setReversing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const latest = data?.state ? data.trail.find((row) => row.entryId === data.state?.entryId) : undefined;

  const reverse = async () => {
    const { reason } = await form.validateFields();
    if (!latest) return;
    const result = await callWithOverride('goods.reverse', { entryId: latest.entryId, reason });
    if (!result.ok) return message.error(errorText(result.error));
    setReversing(false);
    reload();
  };

  return (
    <div data-testid="custody" style={{ marginTop: 16 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('goods.trail')}
        </Typography.Title>
        {data?.state && (
          <Tag color={placeColour[data.state.place]}>
            {t('goods.now')}: {t(`goods.places.${data.state.place}`)} · {locationName(data.state.location)}
          </Tag>
        )}
        <Button size="small" onClick={() => setMoving(true)}>
          {t('goods.move')}
        </Button>
        {latest && latest.kind !== 'received' && (
          <Button size="small" danger onClick={() => setReversing(true)}>
            {t('goods.reverse')}
          </Button>
        )}
      </Space>
      <Table<TrailRow>
        size="small"
        rowKey="entryId"
        pagination={false}
        loading={!data}
        dataSource={data?.trail ?? []}
        columns={[
          {
            title: t('goods.at'),
            dataIndex: 'at',
            render: (at: number) => time(at),
          },
          { title: t('goods.kind'), dataIndex: 'kind', render: (kind: string) => t(`goods.kinds.${kind}`) },
          {
            title: t('goods.location'),
            key: 'location',
            render: (_, row) => [locationName(row.location), row.details.rmaNo].filter(Boolean).join(' · '),
          },
          { title: t('goods.staff'), dataIndex: 'staffName' },
          { title: t('goods.note'), dataIndex: 'note' },
        ]}
      />
      <MoveDeviceModal
        open={moving}
        ticket={ticketNo}
        onClose={() => setMoving(false)}
        onMoved={() => {
          setMoving(false);
          reload();
        }}
      />
      <Modal
        open={reversing}
        title={t('goods.reverseTitle')}
        okText={t('goods.reverse')}
        okButtonProps={{ danger: true }}
        onOk={reverse}
        onCancel={() => setReversing(false)}
        destroyOnHidden
      >
        {latest && (
          <p>
            {t(`goods.kinds.${latest.kind}`)} · {locationName(latest.location)} · {time(latest.at)}
          </p>
        )}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('goods.reverseReason')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={200} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
      {dialog}
    </div>
  );
}
