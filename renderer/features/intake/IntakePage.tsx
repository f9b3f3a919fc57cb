import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Form, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequirableField } from '../../../shared/catalogue';
import type { OutputOf } from '../../../shared/contract';
import type { RepairCall } from '../../../shared/contract-repair-calls';
import { call } from '../../api';
import { useCatalogue } from '../../app/useCatalogue';
import { useErrorText } from '../../app/useErrorText';
import { useStoreTime } from '../../app/useStoreTime';
import { showFieldErrors } from '../../components/formErrors';
import { usePrintTicket } from '../../print/usePrintTicket';
import { ConditionSection } from './ConditionSection';
import { CustomerSection } from './CustomerSection';
import { DeviceSection } from './DeviceSection';
import { formPathOf, toIntakeInput, type IntakeForm } from './intake-form';
import { TermsSection } from './TermsSection';
import { WarrantySection } from './WarrantySection';

type Device = OutputOf<'customers.find'>[number]['devices'][number];

const blank = (): Partial<IntakeForm> => ({
  customer: { name: '', phones: ['', ''] },
  device: { categoryId: 'phone', serial: '' },
  faultCodes: [],
  damaged: [],
  accessories: [],
  priority: 'normal',
  estimateFen: 0,
  diagnosisFeeFen: 0,
  deposit: { amountFen: null, method: 'cash' },
  promisedDate: dayjs().add(3, 'day').format('YYYY-MM-DD'),
  photos: [],
});

/**
 * Taking a device in, keyboard first: phone, name, device, fault, condition, accessories, 三包,
 * money, promise. Ctrl+Enter (or the button) saves and prints the claim receipt and repair card.
 * Opened from a repair call (`#/intake/<call id>`), it starts from what the customer said on the
 * phone, and saving closes the call.
 */
export function IntakePage({ repairCallId }: { repairCallId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { category: categoryOf } = useCatalogue();
  const [form] = Form.useForm<IntakeForm>();
  const [knownDevices, setKnownDevices] = useState<Device[]>([]);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [saving, setSaving] = useState(false);
  const { print, element: printTarget } = usePrintTicket();
  const storeTime = useStoreTime();
  const [repairCall, setRepairCall] = useState<RepairCall | null>(null);
  const category = categoryOf(Form.useWatch(['device', 'categoryId'], form));

  useEffect(() => {
    if (!repairCallId) return;
    void call('repairCalls.get', { id: repairCallId }).then((result) => {
      if (!result.ok) return void message.error(errorText(result.error));
      const phoned = result.value;
      setRepairCall(phoned);
      form.setFieldsValue({
        customer: { name: phoned.customerName, phones: [phoned.customerPhone, ''] },
        device: {
          categoryId: phoned.categoryId ?? 'phone',
          brand: phoned.brand,
          model: phoned.model,
          serial: '',
        },
        reportedFault: phoned.fault,
      });
    });
    // The call is read once, when the screen opens for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repairCallId]);
  const required = (field: RequirableField) => category?.requiredFields.includes(field) ?? false;

  const save = async () => {
    if (saving) return;
    let values: IntakeForm;
    try {
      values = await form.validateFields();
    } catch {
      void message.error(t('errors.invalid_input'));
      return;
    }
    setSaving(true);
    const checklist = category?.checklist.map((item) => item.key) ?? [];
    const input = toIntakeInput(values, checklist, idempotencyKey);
    const result = await call(
      'tickets.create',
      repairCall ? { ...input, repairCallId: repairCall.id } : input,
    );
    setSaving(false);
    if (!result.ok) {
      const fields = Object.fromEntries(
        Object.entries(result.error.fields ?? {}).map(([k, v]) => [formPathOf(k), v]),
      );
      showFieldErrors(form, { ...result.error, fields }, t);
      void message.error(errorText(result.error));
      return;
    }
    void message.success(t('intake.saved', { ticketNo: result.value.ticketNo }));
    await print(result.value);
    form.resetFields();
    setKnownDevices([]);
    setIdempotencyKey(crypto.randomUUID());
    window.location.hash = `#/tickets/${result.value.ticketNo}`;
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Card>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('intake.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('intake.shortcut')}</Typography.Text>
      </Space>
      {repairCall && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('quality.calls.fromCall', {
            name: repairCall.customerName,
            phone: repairCall.customerPhone,
            at: storeTime(repairCall.calledAt),
          })}
        />
      )}
      <Form<IntakeForm> form={form} layout="vertical" initialValues={blank()} requiredMark>
        <Divider titlePlacement="start">{t('intake.customer')}</Divider>
        <CustomerSection form={form} onDevices={setKnownDevices} />
        <Divider titlePlacement="start">{t('intake.device')}</Divider>
        <DeviceSection form={form} knownDevices={knownDevices} required={required} />
        <Divider titlePlacement="start">{t('intake.faultAndCondition')}</Divider>
        <ConditionSection category={category} required={required} />
        <Divider titlePlacement="start">{t('intake.warranty')}</Divider>
        <WarrantySection form={form} category={category} />
        <Divider titlePlacement="start">{t('intake.terms')}</Divider>
        <TermsSection form={form} required={required} />
        <Button
          type="primary"
          size="large"
          icon={<PrinterOutlined />}
          loading={saving}
          onClick={() => void save()}
        >
          {t('intake.saveAndPrint')}
        </Button>
      </Form>
      {printTarget}
    </Card>
  );
}
