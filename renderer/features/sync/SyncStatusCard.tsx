import { Alert, App, Button, Descriptions, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract-sync';
import { call } from '../../api';
import { useErrorText } from '../../app/useErrorText';
import { useStoreTime } from '../../app/useStoreTime';

/** How often the screen re-reads the status while it is open (sync itself runs in the background). */
const refreshMs = 5_000;

/** The usual reasons a run fails, in words a clerk can act on; the technical text follows. */
const cause = (error: string): 'unreachable' | 'revoked' | 'refused' | null => {
  if (error.startsWith('headquarters unreachable')) return 'unreachable';
  if (/answered 40[13]/.test(error)) return 'revoked';
  if (error.startsWith('headquarters')) return 'refused';
  return null;
};

type Props = {
  status: SyncStatus;
  onChange: (status: SyncStatus) => void;
  reload: () => void;
  onRelink?: () => void;
};

/** Last success, what waits and since when, the last error, the first download's progress; "sync now". */
export function SyncStatusCard({ status, onChange, reload, onRelink }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const storeTime = useStoreTime();
  const [syncing, setSyncing] = useState(false);

  useEffect(() => {
    const timer = window.setInterval(reload, refreshMs);
    return () => window.clearInterval(timer);
  }, [reload]);

  const syncNow = async () => {
    setSyncing(true);
    const result = await call('sync.now', {});
    setSyncing(false);
    if (!result.ok) return void message.error(errorText(result.error));
    onChange(result.value);
    if (result.value.lastError) void message.warning(t('sync.status.failed'));
    else void message.success(t('sync.status.synced'));
  };

  const at = (moment: number | null) => (moment === null ? t('sync.status.never') : storeTime(moment));
  const failedLast = status.lastError !== '' && (status.lastErrorAt ?? 0) >= (status.lastSuccessAt ?? 0);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {status.downloading && (
        <Alert
          type="info"
          showIcon
          message={t('sync.status.downloading')}
          description={
            status.downloadRemaining === null ? (
              t('sync.status.downloadStarting')
            ) : (
              <Space>
                <Spin size="small" />
                <span data-testid="sync-download-left">
                  {t('sync.status.downloadLeft', { count: status.downloadRemaining })}
                </span>
              </Space>
            )
          }
        />
      )}
      {failedLast && (
        <Alert
          type="warning"
          showIcon
          message={t('sync.status.lastError', { at: at(status.lastErrorAt) })}
          description={
            <>
              {cause(status.lastError) && <div>{t(`sync.status.causes.${cause(status.lastError)}`)}</div>}
              <Typography.Text type="secondary" data-testid="sync-last-error">
                {status.lastError}
              </Typography.Text>
            </>
          }
        />
      )}
      <Descriptions bordered size="small" column={1} style={{ maxWidth: 640 }}>
        <Descriptions.Item label={t('sync.status.server')}>{status.serverUrl}</Descriptions.Item>
        <Descriptions.Item label={t('sync.status.store')}>{status.storeCode}</Descriptions.Item>
        <Descriptions.Item label={t('sync.status.lastSuccess')}>{at(status.lastSuccessAt)}</Descriptions.Item>
        <Descriptions.Item label={t('sync.status.lastPull')}>{at(status.lastPullAt)}</Descriptions.Item>
        <Descriptions.Item label={t('sync.status.waiting')}>
          <span data-testid="sync-outbox-depth">
            {status.outboxDepth === 0
              ? t('sync.status.nothingWaiting')
              : t('sync.status.waitingCount', { count: status.outboxDepth })}
          </span>
        </Descriptions.Item>
        {status.oldestUnsentAt !== null && (
          <Descriptions.Item label={t('sync.status.oldest')}>
            {dayjs(status.oldestUnsentAt).fromNow(true)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space>
        <Button type="primary" onClick={syncNow} loading={syncing}>
          {t('sync.status.syncNow')}
        </Button>
        {onRelink && <Button onClick={onRelink}>{t('sync.status.relink')}</Button>}
      </Space>
    </Space>
  );
}
