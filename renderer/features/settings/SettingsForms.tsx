import { AutoComplete, Button, Divider, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { defaultTemplates, maxTemplateLength, placeholderNames } from '../../../shared/notify-templates';
import { languages, type Language } from '../../../shared/roles';
import { paperSizes, settingDefaults, type Settings } from '../../../shared/settings';
import { ticketStatuses, type TicketStatus } from '../../../shared/ticket-status';
import { call } from '../../api';
import { useRemote } from '../../app/useRemote';
import { YuanInput, yuanRule } from '../../components/YuanInput';
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
      <NotifyFields />
    </>
  );
}

/** The store's message gateway and its own customer messages (texts the customer reads, like the terms). */
function NotifyFields() {
  const { t } = useTranslation();
  const fields = placeholderNames.map((name) => `{${name}}`).join(' ');
  return (
    <>
      <Divider titlePlacement="start">{t('notify.settings.heading')}</Divider>
      <Form.Item
        name="notifyWebhookUrl"
        label={t('notify.settings.webhookUrl')}
        extra={t('notify.settings.webhookUrlHelp')}
      >
        <Input maxLength={500} placeholder="https://" />
      </Form.Item>
      <Form.Item
        name="notifyTemplates"
        label={t('notify.settings.templates')}
        extra={t('notify.settings.templatesHelp', { fields })}
      >
        <TemplateEditor />
      </Form.Item>
    </>
  );
}

type Templates = Settings['notifyTemplates'];

/**
 * One status's template in both languages at a time; the default shows as the placeholder, and
 * clearing a template goes back to it. A form control: the whole value is saved together.
 */
function TemplateEditor({ value, onChange }: { value?: Templates; onChange?: (next: Templates) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TicketStatus>('ready');
  const current = value ?? settingDefaults.notifyTemplates;
  const customised = (s: TicketStatus) => languages.some((language) => current[language][s]?.trim());
  const edit = (language: Language, text: string) => {
    const own = Object.entries({ ...current[language], [status]: text }).filter(([, value]) => value);
    onChange?.({ ...current, [language]: Object.fromEntries(own) });
  };
  return (
    <>
      <Select<TicketStatus>
        aria-label={t('notify.settings.templateStatus')}
        value={status}
        onChange={setStatus}
        style={{ width: 240, marginBottom: 8 }}
        options={ticketStatuses.map((s) => ({
          value: s,
          label: customised(s)
            ? `${t(`statuses.${s}`)} (${t('notify.settings.customised')})`
            : t(`statuses.${s}`),
        }))}
      />
      {languages.map((language) => (
        <Input.TextArea
          key={language}
          aria-label={t('notify.settings.templateFor', { language: t(`languages.${language}`) })}
          value={current[language][status] ?? ''}
          placeholder={defaultTemplates[language][status]}
          maxLength={maxTemplateLength}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          onChange={(event) => edit(language, event.target.value)}
          style={{ marginBottom: 20 }}
        />
      ))}
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

/** The largest labour rate the core accepts, in fen (shared/settings.ts). */
const maxLabourRateFen = 1_000_000;

/**
 * Money at the counter: what an hour of labour costs the customer (typed in yuan, kept in fen like
 * every amount), and whether the clerk counts the drawer at close before seeing what it should hold.
 */
export function MoneyFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="labourRatePerHourFen"
        label={t('dayclose.settings.labourRate')}
        extra={t('dayclose.settings.labourRateHelp')}
        validateFirst
        rules={[
          { required: true, message: t('fieldErrors.required') },
          yuanRule(t('fieldErrors.money_format')),
          {
            validator: async (_rule, fen: number | null) => {
              if (fen !== null && fen > maxLabourRateFen) throw new Error(t('fieldErrors.amount_too_large'));
            },
          },
        ]}
      >
        <YuanInput data-testid="labour-rate" aria-label={t('dayclose.settings.labourRate')} />
      </Form.Item>
      <Form.Item
        name="blindClose"
        label={t('dayclose.settings.blindClose')}
        extra={t('dayclose.settings.blindCloseHelp')}
        valuePropName="checked"
      >
        <Switch data-testid="blind-close" />
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
      <Form.Item name="stallHours" label={t('notify.settings.stallHours')}>
        <InputNumber min={1} max={720} precision={0} />
      </Form.Item>
    </>
  );
}

/** Follow-up calls and complaint deadlines (after-sales quality). */
export function QualityFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="followUpSharePercent"
        label={t('quality.settings.share')}
        extra={t('quality.settings.shareHelp')}
      >
        <InputNumber min={0} max={100} precision={0} addonAfter="%" />
      </Form.Item>
      <Form.Item name="followUpDueHours" label={t('quality.settings.dueHours')}>
        <InputNumber min={1} max={720} precision={0} />
      </Form.Item>
      <Form.Item name="complaintReplyHours" label={t('quality.settings.replyHours')}>
        <InputNumber min={1} max={720} precision={0} />
      </Form.Item>
      <Form.Item name="complaintResolveDays" label={t('quality.settings.resolveDays')}>
        <InputNumber min={1} max={365} precision={0} />
      </Form.Item>
      <Form.Item name="repairCallAnswerHours" label={t('quality.settings.callAnswerHours')}>
        <InputNumber min={1} max={72} precision={0} />
      </Form.Item>
    </>
  );
}
