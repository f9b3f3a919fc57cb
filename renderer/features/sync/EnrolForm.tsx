import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract-sync';
import { call } from '../../api';
import { showFieldErrors } from '../../components/formErrors';
import { useErrorText } from '../../app/useErrorText';

type Values = { serverUrl: string; code: string; deviceName: string };

/** Enrolling with headquarters' address and a one-time code (an admin's act). */
type Props = { onEnrolled: (status: SyncStatus) => void; onCancel?: () => void };

export function EnrolForm({ onEnrolled, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    const result = await call('sync.enrol', values);
    if (!result.ok) {
      if (!showFieldErrors(form, result.error, t)) void message.error(errorText(result.error));
      return;
    }
    void message.success(t('sync.enrol.done'));
    onEnrolled(result.value);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={{ deviceName: t('sync.enrol.deviceNameDefault') }}
      onFinish={submit}
    >
      <Typography.Title level={5}>{t('sync.enrol.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sync.enrol.help')}</Typography.Paragraph>
      <Form.Item name="serverUrl" label={t('sync.enrol.serverUrl')} rules={[{ required: true, type: 'url' }]}>
        <Input placeholder={t('sync.enrol.serverUrlPlaceholder')} autoFocus />
      </Form.Item>
      <Form.Item name="code" label={t('sync.enrol.code')} rules={[{ required: true, max: 40 }]}>
        <Input style={{ fontFamily: 'monospace', letterSpacing: 2 }} />
      </Form.Item>
      <Form.Item name="deviceName" label={t('sync.enrol.deviceName')} rules={[{ required: true, max: 80 }]}>
        <Input />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('sync.enrol.submit')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}
