import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AtVendorTab } from './AtVendorTab';
import { OnPremisesTab } from './OnPremisesTab';
import { RegisterTab } from './RegisterTab';
import { ShelfCountTab } from './ShelfCountTab';

const tabs = ['here', 'vendor', 'register', 'count'] as const;

/** Customers' goods: what is here and where, what is out at vendors, the register, the shelf count. */
export function GoodsPage({ tab }: { tab?: string }) {
  const { t } = useTranslation();
  const active = tabs.find((key) => key === tab) ?? 'here';
  const content = {
    here: <OnPremisesTab />,
    vendor: <AtVendorTab />,
    register: <RegisterTab />,
    count: <ShelfCountTab />,
  };
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('goods.title')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => (window.location.hash = `#/goods/${key}`)}
        destroyOnHidden
        items={tabs.map((key) => ({ key, label: t(`goods.tabs.${key}`), children: content[key] }))}
      />
    </Card>
  );
}
