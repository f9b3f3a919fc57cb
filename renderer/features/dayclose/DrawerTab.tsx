import { Col, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Drawer } from '../../../shared/contract-dayclose';
import { CashMovementForm } from './CashMovementForm';
import { FloatSection } from './FloatSection';
import { MovementsTable } from './MovementsTable';
import { yuan } from '../../app/money';

/**
 * The drawer of the current business day: the opening float (counted here), what the drawer should
 * hold now (hidden in a blind close, where the clerk counts before seeing it), cash paid in and out.
 */
export function DrawerTab({ drawer, onDrawer }: { drawer: Drawer; onDrawer: (next: Drawer) => void }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <FloatSection drawer={drawer} onDrawer={onDrawer} />
      </Col>
      <Col xs={24} lg={12}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {drawer.expectedCashFen === null ? (
            <div data-testid="drawer-expected-hidden">
              <Typography.Text strong>{t('dayclose.drawer.expected')}</Typography.Text>
              <Typography.Paragraph type="secondary">
                {t('dayclose.drawer.expectedBlind')}
              </Typography.Paragraph>
            </div>
          ) : (
            <Statistic
              title={t('dayclose.drawer.expected')}
              value={yuan(drawer.expectedCashFen)}
              styles={{ content: { fontVariantNumeric: 'tabular-nums' } }}
              data-testid="drawer-expected"
            />
          )}
          <CashMovementForm onDrawer={onDrawer} />
        </Space>
      </Col>
      <Col span={24}>
        <Typography.Title level={5}>{t('dayclose.drawer.movements')}</Typography.Title>
        <MovementsTable movements={drawer.movements} />
      </Col>
    </Row>
  );
}
