import { Card, Spin, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemote } from '../../app/useRemote';
import { CloseTab } from './CloseTab';
import { DrawerTab } from './DrawerTab';
import { ReportsTab } from './ReportsTab';
import { UnclosedDaysAlert } from './UnclosedDaysAlert';

const tabs = ['drawer', 'close', 'reports'] as const;
type Tab = (typeof tabs)[number];

/**
 * The cash drawer and the daily close (日结): the drawer of the current business day, closing a
 * day with its count and numbered Z-report, and the Z-reports closed so far. Days left open are
 * flagged above every tab, with a way to close each.
 */
export function DayClosePage() {
  const { t } = useTranslation();
  const { data: drawer, setData: setDrawer, reload } = useRemote('drawer.state', {});
  const [tab, setTab] = useState<Tab>('drawer');
  // Null: the drawer's current day. Pinned once a close is under way, so the drawer moving on to
  // the next day does not swap the Z-report just printed for an empty day.
  const [closeDate, setCloseDate] = useState<string | null>(null);

  if (!drawer) return <Spin />;
  const shownDate = closeDate ?? drawer.businessDate;

  const content: Record<Tab, ReactNode> = {
    drawer: <DrawerTab drawer={drawer} onDrawer={setDrawer} />,
    close: (
      <CloseTab
        drawer={drawer}
        date={shownDate}
        onDate={setCloseDate}
        onDrawerChanged={() => {
          setCloseDate(shownDate);
          reload();
        }}
      />
    ),
    reports: <ReportsTab onDrawer={setDrawer} />,
  };

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('dayclose.title')}
        <Typography.Text
          type="secondary"
          style={{ fontSize: 16, marginLeft: 16 }}
          data-testid="business-date"
        >
          {t('dayclose.businessDate', { date: drawer.businessDate })}
        </Typography.Text>
      </Typography.Title>
      <UnclosedDaysAlert
        days={drawer.unclosedDays}
        onClose={(day) => {
          setCloseDate(day);
          setTab('close');
        }}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          // Opening the close tab by hand starts from the drawer's current day again.
          setCloseDate(null);
          setTab(key as Tab);
        }}
        destroyOnHidden
        items={tabs.map((key) => ({ key, label: t(`dayclose.tabs.${key}`), children: content[key] }))}
      />
    </Card>
  );
}
