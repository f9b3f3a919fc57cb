import { App, Button, Card, Popconfirm, Progress, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { useRemote } from '../../app/useRemote';
import { useErrorText } from '../../app/useErrorText';
import { useOverride } from '../auth/useOverride';

type Backup = OutputOf<'backup.list'>[number];

const progressPollMs = 250;

/** Back up on demand with a progress bar; restore a chosen backup (supervisor, or with override). */
export function BackupsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const session = useSession();
  const { callWithOverride, dialog } = useOverride();
  const { data: backups, reload } = useRemote('backup.list', {});
  const [progress, setProgress] = useState<number | null>(null);

  const backUpNow = async () => {
    let job = await call('backup.start', {});
    setProgress(0);
    // A UI poll of a background job, not test synchronisation: the core has no push channel.
    while (job.ok && job.value.state === 'running') {
      setProgress(job.value.progress);
      await new Promise((resolve) => window.setTimeout(resolve, progressPollMs));
      job = await call('backup.progress', { jobId: job.value.jobId });
    }
    setProgress(null);
    if (!job.ok) void message.error(errorText(job.error));
    else if (job.value.state === 'failed') void message.error(t('errors.backup_failed'));
    else void message.success(t('backups.done', { name: job.value.backup?.name }));
    reload();
  };

  const restore = async (name: string) => {
    const result = await callWithOverride('backup.restore', { name });
    if (!result.ok) return void message.error(errorText(result.error));
    void message.success(t('backups.restored', { name: result.value.keptAside }));
    session.signOut(); // the restored data may have other staff: everyone signs in again
  };

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('backups.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('backups.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={backUpNow} loading={progress !== null}>
          {progress !== null ? t('backups.running') : t('backups.now')}
        </Button>
        {progress !== null && <Progress percent={Math.round(progress * 100)} style={{ width: 240 }} />}
      </Space>
      <Table<Backup>
        rowKey="name"
        dataSource={backups ?? []}
        locale={{ emptyText: t('backups.empty') }}
        pagination={{ pageSize: 10 }}
        columns={[
          {
            title: t('backups.createdAt'),
            dataIndex: 'createdAt',
            render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t('backups.reason'),
            dataIndex: 'reason',
            render: (reason: string) =>
              t(`backups.reasons.${reason.replace(/-v\d+$/, '')}`, { defaultValue: reason }),
          },
          {
            title: t('backups.size'),
            dataIndex: 'sizeBytes',
            render: (size: number) => `${(size / 1024).toFixed(0)} KB`,
          },
          { title: t('backups.name'), dataIndex: 'name' },
          {
            title: '',
            render: (_value, row) => (
              <Popconfirm
                title={t('backups.restoreConfirm')}
                okText={t('backups.restore')}
                cancelText={t('common.cancel')}
                onConfirm={() => restore(row.name)}
              >
                <Button size="small" danger>
                  {t('backups.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {dialog}
    </Card>
  );
}
