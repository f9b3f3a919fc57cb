import { Alert, Card, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { canCall, type OutputOf } from '../../../shared/contract';
import { useSession } from '../../app/session';
import { useRemote } from '../../app/useRemote';
import { LedgerCheck } from '../goods/LedgerCheck';
import {
  GoodsFields,
  MoneyFields,
  PrinterFields,
  ReceiptFields,
  QualityFields,
  SettingsForm,
  SystemFields,
} from './SettingsForms';
import { StoreProfileForm } from './StoreProfileForm';

export type SettingsValues = OutputOf<'settings.get'>;

export function SettingsPage() {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { data: settings, setData: setSettings } = useRemote('settings.get', {});
  const canEdit = canCall('settings.update', staff.role);

  if (!settings) return <Spin />;
  const formProps = { settings, disabled: !canEdit, onSaved: setSettings };
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      {!canEdit && <Alert type="info" title={t('settings.readOnly')} showIcon style={{ marginBottom: 16 }} />}
      <Tabs
        items={[
          {
            key: 'store',
            label: t('settings.storeTab'),
            children: <StoreProfileForm disabled={!canCall('store.update', staff.role)} />,
          },
          {
            key: 'receipt',
            label: t('settings.receiptTab'),
            children: (
              <SettingsForm {...formProps} name="receipt">
                <ReceiptFields />
              </SettingsForm>
            ),
          },
          {
            key: 'printers',
            label: t('settings.printersTab'),
            children: (
              <SettingsForm {...formProps} name="printers">
                <PrinterFields />
              </SettingsForm>
            ),
          },
          {
            key: 'money',
            label: t('dayclose.settings.tab'),
            children: (
              <SettingsForm {...formProps} name="money">
                <MoneyFields />
              </SettingsForm>
            ),
          },
          {
            key: 'quality',
            label: t('quality.settings.tab'),
            children: (
              <SettingsForm {...formProps} name="quality">
                <QualityFields />
              </SettingsForm>
            ),
          },
          {
            key: 'goods',
            label: t('settings.goodsTab'),
            children: (
              <>
                <SettingsForm {...formProps} name="goods">
                  <GoodsFields />
                </SettingsForm>
                {canCall('goods.verifyLedger', staff.role) && <LedgerCheck />}
              </>
            ),
          },
          {
            key: 'system',
            label: t('settings.systemTab'),
            children: (
              <SettingsForm {...formProps} name="system">
                <SystemFields />
              </SettingsForm>
            ),
          },
        ]}
      />
    </Card>
  );
}
