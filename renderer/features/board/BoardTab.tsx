import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../../shared/contract';
import { isWorkStatus, type TicketStatus } from '../../../shared/ticket-status';
import { useSession } from '../../app/session';
import { useStoreTime } from '../../app/useStoreTime';
import { AssignSelect } from './AssignSelect';
import { BoardTable } from './BoardTable';
import { CountTiles, type Selection } from './CountTiles';
import { useLiveRemote } from './useLiveRemote';
import { useTechnicians } from '../../app/useTechnicians';

const limit = 200;

/** The board: counts across the top, the chosen view's rows below, kept fresh while it is open. */
export function BoardTab({ selection }: { selection: Selection }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const time = useStoreTime();
  const technicians = useTechnicians();
  const canAssign = canCall('repair.assign', staff.role);
  const [technicianId, setTechnicianId] = useState<string | undefined>();
  // A 派工 picker is open: refreshes wait, so the rows do not change under the supervisor's hand.
  const [picking, setPicking] = useState(false);
  const { data, at, loading, reload } = useLiveRemote(
    'repair.board',
    {
      view: selection.view,
      status: selection.status as TicketStatus | undefined,
      technicianId,
      limit,
    },
    picking,
  );
  const rows = data?.rows ?? [];

  return (
    <>
      <CountTiles counts={data} selected={selection} />
      <Flex gap="small" align="center" wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          size="small"
          style={{ minWidth: 160 }}
          aria-label={t('board.technicianFilter')}
          placeholder={t('board.allTechnicians')}
          value={technicianId}
          onChange={setTechnicianId}
          options={technicians.map((person) => ({ value: person.id, label: person.name }))}
        />
        <Button size="small" icon={<ReloadOutlined />} onClick={reload}>
          {t('board.refresh')}
        </Button>
        <Typography.Text type="secondary" data-testid="board-updated">
          {rows.length >= limit ? t('board.firstOnly', { n: limit }) : t('board.shown', { n: rows.length })}
          {at !== null && ` · ${t('board.updated', { time: time(at).slice(11) })}`}
        </Typography.Text>
      </Flex>
      <BoardTable
        testId="board-rows"
        rows={rows}
        loading={data === null || loading}
        technician={
          canAssign
            ? (row) =>
                // A job past its work (ready for pickup) takes no assignment.
                isWorkStatus(row.status) ? (
                  <AssignSelect row={row} technicians={technicians} onPicking={setPicking} onDone={reload} />
                ) : undefined
            : undefined
        }
      />
    </>
  );
}
