import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract-repair';
import { isWorkStatus } from '../../../shared/ticket-status';
import { StatusTag } from '../../components/StatusTag';

type Props = {
  rows: BoardRow[];
  loading: boolean;
  /**
   * The technician cell (the supervisor's assign control); undefined for a row shows the name.
   * `false`: no technician column (my jobs, where it says nothing).
   */
  technician?: ((row: BoardRow) => ReactNode) | false;
  /** An extra last column (the claim button on my jobs). */
  action?: (row: BoardRow) => ReactNode;
  testId: string;
};

/** Board rows in the order the core sends them: urgent first, then by due date (or the view's order). */
export function BoardTable({ rows, loading, technician, action, testId }: Props) {
  const { t, i18n } = useTranslation();
  // English stage names ("Returned unrepaired") need about half as much room again as Chinese ones.
  const statusWidth = i18n.language.startsWith('zh') ? 100 : 148;
  // "Unassigned" matters only while work is owed; a job waiting for pickup needs nobody.
  const assignee = (row: BoardRow) =>
    row.assignedTo ? (
      row.assignedTo.name
    ) : isWorkStatus(row.status) ? (
      <Typography.Text type="secondary">{t('board.unassigned')}</Typography.Text>
    ) : null;
  const columns: TableColumnsType<BoardRow> = [
    {
      title: t('board.columns.ticketNo'),
      dataIndex: 'ticketNo',
      width: 144,
      render: (ticketNo: string) => <a href={`#/tickets/${ticketNo}`}>{ticketNo}</a>,
    },
    { title: t('board.columns.customer'), dataIndex: 'customerName', width: 84, ellipsis: true },
    { title: t('board.columns.device'), dataIndex: 'device', width: 124, ellipsis: true },
    { title: t('board.columns.fault'), dataIndex: 'reportedFault', ellipsis: true },
    {
      title: t('board.columns.status'),
      dataIndex: 'status',
      width: statusWidth,
      render: (status: string) => <StatusTag status={status} style={{ marginInlineEnd: 0 }} />,
    },
    ...(technician === false
      ? []
      : [
          {
            title: t('board.columns.technician'),
            key: 'technician',
            width: 112,
            render: (_: unknown, row: BoardRow) => technician?.(row) ?? assignee(row),
          },
        ]),
    {
      title: t('board.columns.promised'),
      dataIndex: 'promisedDate',
      width: 96,
      render: (date: string, row) =>
        row.overdue ? (
          <Tooltip title={t('board.overdueSince')}>
            <Typography.Text type="danger" strong data-overdue="true">
              {date}
            </Typography.Text>
          </Tooltip>
        ) : (
          date
        ),
    },
    {
      title: t('board.columns.days'),
      dataIndex: 'daysInStage',
      width: 64,
      align: 'right',
      render: (n: number) => t('board.days', { n }),
    },
    {
      title: t('board.columns.flags'),
      key: 'flags',
      width: 88,
      render: (_: unknown, row) => (
        <>
          {row.priority === 'urgent' && <Tag color="red">{t('priorities.urgent')}</Tag>}
          {row.stalled && <Tag color="orange">{t('board.stalled')}</Tag>}
        </>
      ),
    },
    ...(action
      ? [
          {
            title: t('board.columns.action'),
            key: 'action',
            width: 76,
            render: (_: unknown, row: BoardRow) => action(row),
          },
        ]
      : []),
  ];
  return (
    <div data-testid={testId}>
      <Table<BoardRow>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('board.empty') }}
        columns={columns}
      />
    </div>
  );
}
