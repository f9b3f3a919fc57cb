import { Button, Drawer, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Movement, Part } from '../../../shared/parts';
import { call } from '../../api';
import { useStoreTime } from '../../app/useStoreTime';

const pageSize = 50;
const kindColour: Record<Movement['kind'], string> = {
  received: 'green',
  used: 'blue',
  returned_to_vendor: 'orange',
  adjusted: 'red',
  counted: 'purple',
};

/** A part's stock ledger, newest first, with who did each entry and who allowed it. */
export function MovementsDrawer({ part, onClose }: { part: Part; onClose: () => void }) {
  const { t } = useTranslation();
  const when = useStoreTime();
  const [rows, setRows] = useState<Movement[]>([]);
  const [more, setMore] = useState(false);

  useEffect(() => {
    let live = true;
    void call('parts.movements', { partId: part.id, limit: pageSize }).then((result) => {
      if (!live || !result.ok) return;
      setRows(result.value);
      setMore(result.value.length === pageSize);
    });
    return () => {
      live = false;
    };
  }, [part.id]);

  const loadEarlier = async () => {
    const result = await call('parts.movements', {
      partId: part.id,
      limit: pageSize,
      beforeSeq: rows.at(-1)?.seq,
    });
    if (!result.ok) return;
    setRows((old) => [...old, ...result.value]);
    setMore(result.value.length === pageSize);
  };

  return (
    <Drawer open size={960} title={t('parts.history.title', { name: part.name })} onClose={onClose}>
      <Table<Movement>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('parts.history.at'), dataIndex: 'at', render: when, width: 140 },
          {
            title: t('parts.history.kind'),
            dataIndex: 'kind',
            render: (kind: Movement['kind']) => (
              <Tag color={kindColour[kind]}>{t(`parts.kinds.${kind}`)}</Tag>
            ),
          },
          {
            title: t('parts.history.quantity'),
            dataIndex: 'quantity',
            align: 'right',
            render: (n: number) => (n > 0 ? `+${n}` : String(n)),
          },
          { title: t('parts.history.balance'), dataIndex: 'balanceAfter', align: 'right' },
          {
            title: t('parts.history.ticket'),
            dataIndex: 'ticketNo',
            render: (no: string | null) => (no ? <a href={`#/tickets/${no}`}>{no}</a> : null),
          },
          {
            title: t('parts.history.details'),
            render: (_v, m) => [m.vendor, m.rmaNo, m.reason].filter(Boolean).join(' · '),
          },
          {
            title: t('parts.history.staff'),
            render: (_v, m) =>
              m.overrideBy
                ? t('parts.history.allowedBy', { name: m.staff.name, supervisor: m.overrideBy.name })
                : m.staff.name,
          },
        ]}
      />
      {more && (
        <Button style={{ marginTop: 12 }} onClick={() => void loadEarlier()}>
          {t('parts.history.more')}
        </Button>
      )}
    </Drawer>
  );
}
