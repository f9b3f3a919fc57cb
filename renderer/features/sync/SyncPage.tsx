import { Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useRemote } from '../../app/useRemote';
import { EnrolForm } from './EnrolForm';
import { LookupPanel } from './LookupPanel';
import { SyncStatusCard } from './SyncStatusCard';

/** The counter's link to headquarters: enrol (or link again), the sync status, cross-store lookup. */
export function SyncPage() {
  const { t } = useTranslation();
  const { data: status, setData, reload } = useRemote('sync.status', {});
  const { staff } = useSession();
  const [relinking, setRelinking] = useState(false);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('sync.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('sync.intro')}</Typography.Paragraph>
        {status && status.enrolled && !relinking && (
          <SyncStatusCard
            status={status}
            onChange={setData}
            reload={reload}
            // Linking again (a revoked credential, a new headquarters address) is an admin's act.
            onRelink={staff.role === 'admin' ? () => setRelinking(true) : undefined}
          />
        )}
        {status && (!status.enrolled || relinking) && (
          <EnrolForm
            onEnrolled={(next) => {
              setRelinking(false);
              setData(next);
            }}
            onCancel={relinking ? () => setRelinking(false) : undefined}
          />
        )}
      </Card>
      {status?.enrolled && <LookupPanel />}
    </Space>
  );
}
