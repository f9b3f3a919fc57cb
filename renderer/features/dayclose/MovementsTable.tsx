import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Drawer } from '../../../shared/contract-dayclose';
import { useStoreTime } from '../../app/useStoreTime';
import { yuan } from '../../app/money';

type Movement = Drawer['movements'][number];

/** The day's cash paid in and out of the drawer, oldest first, with the note and who did it. */
export function MovementsTable({ movements }: { movements: Movement[] }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  return (
    <Table<Movement>
      size="small"
      rowKey="id"
      data-testid="cash-movements"
      dataSource={movements}
      pagination={false}
      locale={{ emptyText: t('dayclose.drawer.noMovements') }}
      columns={[
        { title: t('dayclose.drawer.at'), dataIndex: 'at', render: (at: number) => time(at).slice(11) },
        {
          title: t('dayclose.drawer.cashKind'),
          dataIndex: 'kind',
          render: (kind: Movement['kind']) => (
            <Tag color={kind === 'pay_out' ? 'orange' : 'blue'}>{t(`dayclose.kinds.${kind}`)}</Tag>
          ),
        },
        {
          title: t('dayclose.drawer.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (fen: number, move) => (move.kind === 'pay_out' ? `-${yuan(fen)}` : yuan(fen)),
        },
        { title: t('dayclose.drawer.note'), dataIndex: 'note' },
        { title: t('dayclose.drawer.staff'), key: 'staff', render: (_, move) => move.staff.name },
      ]}
    />
  );
}
