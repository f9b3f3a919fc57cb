import { Alert, Button, Card, Col, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinSchema, storeCodeSchema, type InputOf } from '../../../shared/contract';
import { languages } from '../../../shared/roles';
import { call } from '../../api';
import { useErrorText } from '../../app/useErrorText';
import { showFieldErrors } from '../../components/formErrors';
import { zodRule } from '../../components/zodRule';
import { setLanguage } from '../../i18n';
import { PinInput } from '../signin/PinInput';

type Values = InputOf<'setup.create'> & { pinRepeat: string };

const timeZones = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'America/New_York',
  'UTC',
];
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** First run on an empty database: this store and its first admin. */
export function SetupPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async ({ pinRepeat: _repeat, ...values }: Values) => {
    setSaving(true);
    const result = await call('setup.create', values);
    setSaving(false);
    if (result.ok) return onDone();
    showFieldErrors(form, result.error, t);
    setError(errorText(result.error));
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Row justify="center" style={{ padding: '32px 16px' }}>
      <Col xs={24} md={18} lg={12}>
        <Card>
          <Typography.Title level={3}>{t('setup.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
          {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{
              language: 'zh-CN',
              store: {
                timeZone: timeZones.includes(localZone) ? localZone : 'Asia/Shanghai',
                currency: 'CNY',
                address: '',
                phone: '',
              },
            }}
          >
            <Form.Item name="language" label={t('setup.language')}>
              <Select
                options={languages.map((value) => ({ value, label: t(`languages.${value}`) }))}
                onChange={setLanguage}
              />
            </Form.Item>
            <Divider titlePlacement="start">{t('setup.store')}</Divider>
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item
                  name={['store', 'code']}
                  label={t('setup.code')}
                  tooltip={t('setup.codeHelp')}
                  rules={[required, zodRule(storeCodeSchema, t)]}
                >
                  <Input maxLength={8} placeholder="SH01" autoFocus />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name={['store', 'name']} label={t('setup.name')} rules={[required]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name={['store', 'address']} label={t('setup.address')}>
              <Input maxLength={300} />
            </Form.Item>
            <Row gutter={16}>
              <Col span={10}>
                <Form.Item name={['store', 'phone']} label={t('setup.phone')}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['store', 'timeZone']} label={t('setup.timeZone')} rules={[required]}>
                  <Select showSearch options={timeZones.map((value) => ({ value, label: value }))} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={['store', 'currency']} label={t('setup.currency')} rules={[required]}>
                  <Select options={['CNY', 'HKD', 'USD', 'EUR'].map((value) => ({ value, label: value }))} />
                </Form.Item>
              </Col>
            </Row>
            <Divider titlePlacement="start">{t('setup.admin')}</Divider>
            <Form.Item name={['admin', 'name']} label={t('setup.adminName')} rules={[required]}>
              <Input maxLength={60} />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item
                  name={['admin', 'pin']}
                  label={t('setup.pin')}
                  tooltip={t('setup.pinHelp')}
                  rules={[required, zodRule(pinSchema, t)]}
                >
                  <PinInput />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="pinRepeat"
                  label={t('setup.pinRepeat')}
                  dependencies={[['admin', 'pin']]}
                  rules={[
                    required,
                    ({ getFieldValue }) => ({
                      validator: (_rule, value) =>
                        value === getFieldValue(['admin', 'pin'])
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('setup.pinMismatch'))),
                    }),
                  ]}
                >
                  <PinInput />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={saving} block size="large">
              {t('setup.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
