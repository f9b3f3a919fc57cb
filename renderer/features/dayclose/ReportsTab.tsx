import { Button, Modal, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { Drawer } from '../../../shared/contract-dayclose';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';
import { formatZNo } from '../../print/z-report-format';
import { ReopenModal } from './ReopenModal';
import { Variance } from './Variance';
import { ZReportPanel } from './ZReportPanel';

type Row = OutputOf<'dayclose.list'>[number];

/** How many past closes the list shows: two months of daily closes. */
const listLimit = 60;

/** One stored Z-report, as printed at its close, to look at, reprint or export again. */
function StoredReport({ zNo, onClose }: { zNo: number; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useRemote('dayclose.report', { zNo }).data;
  return (
    <Modal open width={1100} footer={null} onCancel={onClose} title={t('dayclose.report.title')}>
      {report ? <ZReportPanel report={report} /> : <Spin />}
    </Modal>
  );
}

/**
 * The store's Z-reports, newest first: reprint or export any of them, and reopen a day (a
 * supervisor's act, with a reason; a reopened close stays listed, marked, beside the new one).
 */
export function ReportsTab({ onDrawer }: { onDrawer: (next: Drawer) => void }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const { data: rows, reload } = useRemote('dayclose.list', { limit: listLimit });
  const store = useRemote('store.get', {}).data;
  const [viewing, setViewing] = useState<number | null>(null);
  const [reopening, setReopening] = useState<Row | null>(null);
  const zText = (zNo: number) => (store ? formatZNo(store.code, zNo) : String(zNo));

  return (
    <>
      <Table<Row>
        size="small"
        rowKey="zNo"
        data-testid="z-list"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('dayclose.report.empty') }}
        columns={[
          {
            title: t('dayclose.report.zNo'),
            dataIndex: 'zNo',
            render: (zNo: number) => (
              <Button type="link" size="small" onClick={() => setViewing(zNo)} data-testid={`z-open-${zNo}`}>
                {zText(zNo)}
              </Button>
            ),
          },
          { title: t('dayclose.report.businessDate'), dataIndex: 'businessDate' },
          { title: t('dayclose.report.closedBy'), key: 'closedBy', render: (_, row) => row.closedBy.name },
          { title: t('dayclose.report.closedAt'), dataIndex: 'at', render: (at: number) => time(at) },
          {
            title: t('dayclose.figures.variance'),
            dataIndex: 'varianceFen',
            align: 'right',
            render: (fen: number) => <Variance fen={fen} />,
          },
          {
            title: t('dayclose.report.state'),
            dataIndex: 'reopened',
            render: (reopened: boolean) =>
              reopened ? (
                <Tag color="red">{t('dayclose.report.reopenedTag')}</Tag>
              ) : (
                <Tag color="green">{t('dayclose.report.standing')}</Tag>
              ),
          },
          {
            title: t('dayclose.report.actions'),
            key: 'actions',
            render: (_, row) => (
              <Space>
                <Button size="small" onClick={() => setViewing(row.zNo)} data-testid={`z-reprint-${row.zNo}`}>
                  {t('dayclose.report.view')}
                </Button>
                {!row.reopened && (
                  <Button
                    size="small"
                    danger
                    onClick={() => setReopening(row)}
                    data-testid={`z-reopen-${row.zNo}`}
                  >
                    {t('dayclose.reopen.button')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {viewing !== null && <StoredReport zNo={viewing} onClose={() => setViewing(null)} />}
      {reopening && (
        <ReopenModal
          businessDate={reopening.businessDate}
          zNo={zText(reopening.zNo)}
          onClose={() => setReopening(null)}
          onReopened={(drawer) => {
            setReopening(null);
            reload();
            onDrawer(drawer);
          }}
        />
      )}
    </>
  );
}
