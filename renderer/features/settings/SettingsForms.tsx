import { AutoComplete, Button, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { languages } from '../../../shared/roles';
import { paperSizes } from '../../../shared/settings';
import { call } from '../../api';
import { useRemote } from '../../app/useRemote';
import type { SettingsValues } from './SettingsPage';
import { useSaveMessage } from './useSaveMessage';

type Props = { settings: SettingsValues; disabled: boolean; onSaved: (next: SettingsValues) => void };
type Printers = OutputOf<'printers.list'>;

/** One settings tab's form; it saves only the keys its fields hold. */
export function SettingsForm({
  settings,
  disabled,
  onSaved,
  name,
  children,
}: Props & { name: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InputOf<'settings.update'>>();
  const report = useSaveMessage();
  const save = async (values: InputOf<'settings.update'>) => {
    const result = await call('settings.update', values);
    if (report(result, form)) onSaved(result.value);
  };
  return (
    <Form
      form={form}
      name={name}
      layout="vertical"
      initialValues={settings}
      onFinish={save}
      disabled={disabled}
      style={{ maxWidth: 640 }}
    >
      {children}
      <Button type="primary" htmlType="submit">
        {t('settings.save')}
      </Button>
    </Form>
  );
}

export function ReceiptFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="language" label={t('settings.language')}>
        <Select options={languages.map((value) => ({ value, label: t(`languages.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="receiptTerms"
        label={t('settings.receiptTerms')}
        extra={t('settings.receiptTermsHelp')}
      >
        <Input.TextArea rows={6} maxLength={4000} showCount />
      </Form.Item>
    </>
  );
}

export function PrinterFields() {
  const { t } = useTranslation();
  const printers: Printers = useRemote('printers.list', {}).data ?? [];
  const options = printers.map((printer) => ({ value: printer.name, label: printer.displayName }));
  return (
    <>
      {printers.length === 0 && <p>{t('settings.noPrinters')}</p>}
      <Form.Item name="receiptPrinter" label={t('settings.receiptPrinter')}>
        <AutoComplete options={options} allowClear />
      </Form.Item>
      <Form.Item name="labelPrinter" label={t('settings.labelPrinter')}>
        <AutoComplete options={options} allowClear />
      </Form.Item>
      <Form.Item name="paperSize" label={t('settings.paperSize')}>
        <Select options={paperSizes.map((value) => ({ value, label: t(`paper.${value}`) }))} />
      </Form.Item>
      <Form.Item name="accessoryLabels" label={t('settings.accessoryLabels')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

export function SystemFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="backupFolder"
        label={t('settings.backupFolder')}
        extra={t('settings.backupFolderHelp')}
      >
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item name="backupKeep" label={t('settings.backupKeep')}>
        <InputNumber min={1} max={365} precision={0} />
      </Form.Item>
      <Form.Item name="idleLockMinutes" label={t('settings.idleLockMinutes')}>
        <InputNumber min={1} max={240} precision={0} />
      </Form.Item>
      <Form.Item name="pinMaxAttempts" label={t('settings.pinMaxAttempts')}>
        <InputNumber min={3} max={20} precision={0} />
      </Form.Item>
      <Form.Item name="pinLockoutMinutes" label={t('settings.pinLockoutMinutes')}>
        <InputNumber min={1} max={1440} precision={0} />
      </Form.Item>
    </>
  );
}

/** How long devices may sit at a stage, and how long the store keeps unclaimed ones. */
export function GoodsFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="custodyIdleDays" label={t('settings.custodyIdleDays')}>
        <InputNumber min={1} max={365} precision={0} />
      </Form.Item>
      <Form.Item name="storageDays" label={t('settings.storageDays')} extra={t('settings.storageDaysHelp')}>
        <InputNumber min={7} max={3650} precision={0} />
      </Form.Item>
    </>
  );
}
