import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ComplaintsTab } from './ComplaintsTab';
import { FollowUpsTab } from './FollowUpsTab';
import { RepairCallsTab } from './RepairCallsTab';

/** After-sales quality at the counter: who to call back, the complaints board, the repair calls. */
export function QualityPage() {
  const { t } = useTranslation();
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('quality.title')}
      </Typography.Title>
      {/* Each tab reads afresh when shown: a call on one changes the other. */}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'followUps', label: t('quality.tabs.followUps'), children: <FollowUpsTab /> },
          { key: 'complaints', label: t('quality.tabs.complaints'), children: <ComplaintsTab /> },
          { key: 'calls', label: t('quality.tabs.calls'), children: <RepairCallsTab /> },
        ]}
      />
    </Card>
  );
}
