import { Card, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AtVendorTab } from './AtVendorTab';
import { CountTab } from './CountTab';
import { ReorderTab } from './ReorderTab';
import { StockTab } from './StockTab';

const tabs = ['stock', 'reorder', 'vendor', 'count'] as const;
type Tab = (typeof tabs)[number];

/**
 * Spare parts: the stock list and its movements, the reorder list, parts out at vendors and the
 * stock count. Only the open tab is mounted, so each reads fresh figures and only one listens for
 * scans.
 */
export function PartsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('stock');
  const content: Record<Tab, ReactNode> = {
    stock: <StockTab />,
    reorder: <ReorderTab />,
    vendor: <AtVendorTab />,
    count: <CountTab />,
  };
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('parts.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        destroyOnHidden
        items={tabs.map((key) => ({ key, label: t(`parts.tabs.${key}`), children: content[key] }))}
      />
    </Card>
  );
}
