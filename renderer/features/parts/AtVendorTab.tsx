import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';

type Line = OutputOf<'parts.atVendor'>[number];

/** Parts out at vendors under RMA numbers and not yet back, oldest first, with days out. */
export function AtVendorTab() {
  const { t } = useTranslation();
  const lines = useRemote('parts.atVendor', {}).data;
  if (lines && lines.length === 0) return <Empty description={t('parts.vendor.empty')} />;
  return <PartsAtVendorTable lines={lines} />;
}

/** The parts lines out at vendors (all of them, or one vendor's in the goods view). */
export function PartsAtVendorTable({ lines }: { lines: Line[] | null }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  return (
    <Table<Line>
      rowKey={(line) => `${line.partId}/${line.vendor}/${line.rmaNo}`}
      size="small"
      loading={!lines}
      dataSource={lines ?? []}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: t('parts.move.vendor'), dataIndex: 'vendor' },
        { title: t('parts.vendor.rmaNo'), dataIndex: 'rmaNo' },
        { title: t('parts.columns.sku'), dataIndex: 'sku' },
        { title: t('parts.columns.name'), dataIndex: 'name' },
        { title: t('parts.vendor.quantity'), dataIndex: 'quantity', align: 'right' },
        {
          title: t('parts.vendor.sentAt'),
          dataIndex: 'sentAt',
          render: (at: number) => time(at).slice(0, 10),
        },
        {
          title: t('parts.vendor.daysOut'),
          dataIndex: 'daysOut',
          align: 'right',
          render: (days: number) => (
            <Tag color={days > 30 ? 'red' : days > 14 ? 'orange' : undefined}>
              {t('parts.vendor.days', { count: days })}
            </Tag>
          ),
        },
      ]}
    />
  );
}
