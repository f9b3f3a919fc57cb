import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../../shared/contract';
import type { RepairCard } from '../../../shared/contract-repair';
import { useSession } from '../../app/session';
import { useStoreTime } from '../../app/useStoreTime';
import { FitPartModal, TakeBackModal } from './PartModals';
import { fittingStatuses } from '../../../shared/ticket-status';
import { yuan } from '../../app/money';

type Row = RepairCard['parts'][number];

/** Parts on the repair card: fitted from stock (scan or search), what became of the old ones, taken back. */
export function PartsSection({ card, onChanged }: { card: RepairCard; onChanged: () => void }) {
  const { t } = useTranslation();
  const role = useSession().staff.role;
  const time = useStoreTime();
  const [fitOpen, setFitOpen] = useState(false);
  const [takingBack, setTakingBack] = useState<{ partId: string; name: string; held: number } | null>(null);
  const held = new Map<string, number>();
  for (const row of card.parts) held.set(row.partId, (held.get(row.partId) ?? 0) + row.quantity);
  const done = () => {
    setFitOpen(false);
    setTakingBack(null);
    onChanged();
  };
  return (
    <div data-testid="repair-parts" style={{ marginTop: 12 }}>
      <Space style={{ marginBottom: 6 }}>
        <Typography.Text strong>{t('workflow.parts.title')}</Typography.Text>
        {canCall('repair.usePart', role) && fittingStatuses.includes(card.status) && (
          <Button size="small" onClick={() => setFitOpen(true)}>
            {t('workflow.parts.fit')}
          </Button>
        )}
      </Space>
      <Table<Row>
        size="small"
        rowKey="movementId"
        pagination={false}
        locale={{ emptyText: t('workflow.parts.none') }}
        dataSource={card.parts}
        columns={[
          { title: t('workflow.parts.sku'), dataIndex: 'sku' },
          { title: t('workflow.parts.name'), dataIndex: 'name' },
          { title: t('workflow.parts.quantity'), dataIndex: 'quantity', align: 'right' },
          {
            title: t('workflow.parts.price'),
            dataIndex: 'priceFen',
            align: 'right',
            render: (fen: number) => yuan(fen),
          },
          {
            title: t('workflow.parts.oldPart'),
            key: 'oldPart',
            render: (_, row) =>
              row.quantity > 0 ? t(`workflow.parts.oldParts.${row.oldPart}`) : t('workflow.parts.takenBack'),
          },
          {
            title: t('workflow.parts.by'),
            key: 'by',
            render: (_, row) => `${row.staffName} ${time(row.at)}`,
          },
          {
            key: 'act',
            render: (_, row) => {
              const left = held.get(row.partId) ?? 0;
              return row.quantity > 0 && left > 0 && canCall('parts.unuse', role) ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => setTakingBack({ partId: row.partId, name: row.name, held: left })}
                >
                  {t('workflow.parts.takeBack')}
                </Button>
              ) : null;
            },
          },
        ]}
      />
      {fitOpen && <FitPartModal card={card} onClose={() => setFitOpen(false)} onDone={done} />}
      {takingBack && (
        <TakeBackModal card={card} part={takingBack} onClose={() => setTakingBack(null)} onDone={done} />
      )}
    </div>
  );
}
