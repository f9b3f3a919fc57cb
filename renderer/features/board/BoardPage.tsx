import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../../shared/contract';
import { pickupStatuses, workStatuses } from '../../../shared/ticket-status';
import { useSession } from '../../app/session';
import { BoardTab } from './BoardTab';
import type { Selection } from './CountTiles';
import { MyJobsTab } from './MyJobsTab';

const shownStatuses: readonly string[] = [...workStatuses, ...pickupStatuses];
const watchViews = ['overdue', 'stalled', 'unassigned'] as const;

/** `#/board/<view>`: a status (`in_repair`), a watch list (`overdue`), or `status` for all. */
function selectionOf(view: string | undefined): Selection {
  const watch = watchViews.find((key) => key === view);
  if (watch) return { view: watch };
  if (view && shownStatuses.includes(view)) return { view: 'status', status: view };
  return { view: 'status' };
}

/**
 * The repair board (维修看板) and my jobs (我的工单, `#/board/mine`). A technician opening the board
 * lands on their jobs; supervisors on the board, where they assign work.
 */
export function BoardPage({ view }: { view?: string }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const takesJobs = canCall('repair.claim', staff.role);
  const tab =
    takesJobs && (view === 'mine' || (view === undefined && staff.role === 'technician')) ? 'mine' : 'board';
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 0 }}>
        {t('board.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => (window.location.hash = key === 'mine' ? '#/board/mine' : '#/board/status')}
        destroyOnHidden
        items={[
          {
            key: 'board',
            label: t('board.tabs.board'),
            children: <BoardTab selection={selectionOf(view)} />,
          },
          ...(takesJobs ? [{ key: 'mine', label: t('board.tabs.mine'), children: <MyJobsTab /> }] : []),
        ]}
      />
    </Card>
  );
}
