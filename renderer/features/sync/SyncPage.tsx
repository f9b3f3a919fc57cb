import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRemote } from '../../app/useRemote';
import { EnrolForm } from './EnrolForm';
import { LookupPanel } from './LookupPanel';
import { SyncStatusCard } from './SyncStatusCard';

/** The counter's link to headquarters: enrol once, then the sync status and cross-store lookup. */
export function SyncPage() {
  const { t } = useTranslation();
  const { data: status, setData, reload } = useRemote('sync.status', {});
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('sync.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('sync.intro')}</Typography.Paragraph>
        {status &&
          (status.enrolled ? (
            <SyncStatusCard status={status} onChange={setData} reload={reload} />
          ) : (
            <EnrolForm onEnrolled={setData} />
          ))}
      </Card>
      {status?.enrolled && <LookupPanel />}
    </Space>
  );
}
