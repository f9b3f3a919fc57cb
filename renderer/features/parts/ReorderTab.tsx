import { Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { yuan } from '../../app/money';
import { useRemote } from '../../app/useRemote';

type Line = OutputOf<'parts.reorder'>[number];

/** Parts at or below their reorder level, by supplier, with a suggested order. */
export function ReorderTab() {
  const { t } = useTranslation();
  const lines = useRemote('parts.reorder', {}).data;
  if (lines && lines.length === 0) return <Empty description={t('parts.reorder.empty')} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('parts.reorder.rule')}</Typography.Paragraph>
      <Table<Line>
        rowKey={(line) => line.part.id}
        size="small"
        loading={!lines}
        dataSource={lines ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t('parts.columns.supplier'), render: (_v, l) => l.part.supplier },
          { title: t('parts.columns.sku'), render: (_v, l) => l.part.sku },
          { title: t('parts.columns.name'), render: (_v, l) => l.part.name },
          { title: t('parts.columns.onHand'), align: 'right', render: (_v, l) => l.part.onHand },
          { title: t('parts.columns.reorderLevel'), align: 'right', render: (_v, l) => l.part.reorderLevel },
          { title: t('parts.reorder.shortfall'), dataIndex: 'shortfall', align: 'right' },
          {
            title: t('parts.reorder.suggested'),
            dataIndex: 'suggested',
            align: 'right',
            render: (n: number) => <strong>{n}</strong>,
          },
          {
            title: t('parts.columns.cost'),
            align: 'right',
            render: (_v, l) => yuan(l.part.costFen),
          },
        ]}
      />
    </>
  );
}
