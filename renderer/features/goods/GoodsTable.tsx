import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { useLocationName } from './useLocationName';

export type GoodsRow = OutputOf<'goods.onPremises'>['rows'][number];

/** Devices with where they are and for how long; idle and overdue ones stand out. */
export function GoodsTable({ rows, vendor = false }: { rows: GoodsRow[] | null; vendor?: boolean }) {
  const { t } = useTranslation();
  const locationName = useLocationName();
  return (
    <Table<GoodsRow>
      size="small"
      rowKey="ticketId"
      loading={rows === null}
      dataSource={rows ?? []}
      pagination={false}
      locale={{ emptyText: t('goods.empty') }}
      columns={[
        {
          title: vendor ? t('goods.vendor') : t('goods.location'),
          dataIndex: 'location',
          render: (location: string) => <strong>{locationName(location)}</strong>,
        },
        ...(vendor
          ? [
              {
                title: t('goods.rmaNo'),
                key: 'rma',
                render: (_: unknown, row: GoodsRow) => row.details.rmaNo ?? '',
              },
            ]
          : []),
        {
          title: t('goods.ticketNo'),
          dataIndex: 'ticketNo',
          render: (ticketNo: string) => <a href={`#/tickets/${ticketNo}`}>{ticketNo}</a>,
        },
        { title: t('goods.customer'), dataIndex: 'customerName' },
        { title: t('goods.device'), dataIndex: 'device' },
        {
          title: vendor ? t('goods.daysOut') : t('goods.daysHere'),
          dataIndex: 'daysHere',
          align: 'right',
          render: (days: number, row) =>
            row.idle ? <Tag color="red">{`${days} · ${t('goods.idle')}`}</Tag> : days,
        },
        ...(vendor
          ? [
              {
                title: t('goods.expectedBack'),
                key: 'expectedBack',
                render: (_: unknown, row: GoodsRow) => row.details.expectedBack ?? '',
              },
            ]
          : [
              {
                title: t('goods.daysHeld'),
                dataIndex: 'daysHeld',
                align: 'right' as const,
                render: (days: number, row: GoodsRow) =>
                  row.pastStorage ? <Tag color="orange">{`${days} · ${t('goods.pastStorage')}`}</Tag> : days,
              },
            ]),
      ]}
    />
  );
}
