import { App, Card, Input, Segmented, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupTicket } from '../../../shared/lookup';
import { call } from '../../api';
import { useCatalogue } from '../../app/useCatalogue';
import { useErrorText } from '../../app/useErrorText';
import { StatusTag } from '../../components/StatusTag';

type By = 'phone' | 'serial';

/** A customer's tickets at the chain's other stores, by phone or serial: asked of headquarters, read-only. */
export function LookupPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { category, nameOf } = useCatalogue();
  const [by, setBy] = useState<By>('phone');
  const [found, setFound] = useState<LookupTicket[] | null>(null);
  const [searching, setSearching] = useState(false);

  // Only the latest search may show its answer: a slow one must not replace a newer one.
  const latest = useRef(0);

  const search = async (text: string) => {
    if (!text.trim()) return;
    const asked = (latest.current += 1);
    setSearching(true);
    const result = await call('sync.lookup', by === 'phone' ? { phone: text } : { serial: text });
    if (asked !== latest.current) return;
    setSearching(false);
    if (!result.ok) {
      setFound(null);
      return void message.error(errorText(result.error));
    }
    setFound(result.value);
  };

  return (
    <Card title={t('sync.lookup.title')}>
      <Typography.Paragraph type="secondary">{t('sync.lookup.help')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Segmented<By>
          value={by}
          onChange={(next) => {
            latest.current += 1;
            setBy(next);
            setFound(null);
            setSearching(false);
          }}
          options={[
            { value: 'phone', label: t('sync.lookup.by.phone') },
            { value: 'serial', label: t('sync.lookup.by.serial') },
          ]}
        />
        <Input.Search
          aria-label={t(`sync.lookup.by.${by}`)}
          placeholder={t(`sync.lookup.placeholder.${by}`)}
          enterButton={t('sync.lookup.search')}
          loading={searching}
          onSearch={search}
          style={{ width: 360 }}
          allowClear
        />
      </Space>
      {found && (
        <Table<LookupTicket>
          rowKey="ticketNo"
          size="small"
          dataSource={found}
          pagination={false}
          locale={{ emptyText: t('sync.lookup.none') }}
          columns={[
            {
              title: t('sync.lookup.columns.store'),
              render: (_v, row) => `${row.storeCode} ${row.storeName}`,
            },
            { title: t('sync.lookup.columns.ticketNo'), dataIndex: 'ticketNo' },
            {
              title: t('sync.lookup.columns.status'),
              dataIndex: 'status',
              render: (status: string) => <StatusTag status={status} />,
            },
            {
              title: t('sync.lookup.columns.receivedAt'),
              dataIndex: 'receivedAt',
              render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: t('sync.lookup.columns.device'),
              render: (_v, row) =>
                [nameOf(category(row.categoryId)), row.brand, row.model, row.serial]
                  .filter(Boolean)
                  .join(' · '),
            },
            { title: t('sync.lookup.columns.fault'), dataIndex: 'reportedFault' },
            { title: t('sync.lookup.columns.customer'), dataIndex: 'customer' },
          ]}
        />
      )}
    </Card>
  );
}
