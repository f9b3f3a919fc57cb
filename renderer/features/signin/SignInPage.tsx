import { UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Card, Col, Empty, Form, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../../api';
import { useRemote } from '../../app/useRemote';
import { PinInput } from './PinInput';
import { usePinFailure } from './usePinFailure';

type Roster = OutputOf<'auth.roster'>;

/** A shared counter PC: pick your name, type your PIN, press Enter. */
export function SignInPage({
  storeName,
  onSignedIn,
}: {
  storeName: string | null;
  onSignedIn: (value: OutputOf<'auth.signIn'>) => void;
}) {
  const { t } = useTranslation();
  const pinFailure = usePinFailure();
  const roster = useRemote('auth.roster', {}).data;
  const [chosen, setChosen] = useState<Roster[number] | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!chosen || !pin || busy) return;
    setBusy(true);
    const result = await call('auth.signIn', { staffId: chosen.id, pin });
    setBusy(false);
    setPin('');
    if (result.ok) onSignedIn(result.value);
    else setError(pinFailure(result.error));
  };

  return (
    <Row justify="center" style={{ padding: '8vh 16px' }}>
      <Col xs={24} sm={20} md={14} lg={10}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {storeName ?? t('app.name')}
          </Typography.Title>
          <Typography.Title level={5} type="secondary" style={{ marginTop: 0 }}>
            {chosen ? t('signIn.enterPin') : t('signIn.pickYourName')}
          </Typography.Title>
          {!chosen && roster && roster.length === 0 && <Empty description={t('signIn.noStaff')} />}
          {!chosen && (
            <Space wrap size="middle" data-testid="roster">
              {roster?.map((person) => (
                <Button
                  key={person.id}
                  size="large"
                  style={{ height: 72, minWidth: 140 }}
                  onClick={() => {
                    setChosen(person);
                    setError(null);
                  }}
                >
                  <Space direction="vertical" size={0}>
                    <span>
                      <Avatar size="small" icon={<UserOutlined />} /> {person.name}
                    </span>
                    <Typography.Text type="secondary">{t(`roles.${person.role}`)}</Typography.Text>
                  </Space>
                </Button>
              ))}
            </Space>
          )}
          {chosen && (
            <Form layout="vertical" onFinish={submit}>
              <Typography.Paragraph strong>
                <Avatar icon={<UserOutlined />} /> {chosen.name} · {t(`roles.${chosen.role}`)}
              </Typography.Paragraph>
              {error && (
                <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />
              )}
              <Form.Item label={t('signIn.enterPin')}>
                <PinInput
                  autoFocus
                  size="large"
                  value={pin}
                  onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
                  aria-label={t('signIn.enterPin')}
                />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={!pin}>
                  {t('signIn.submit')}
                </Button>
                <Button
                  size="large"
                  onClick={() => {
                    setChosen(null);
                    setError(null);
                    setPin('');
                  }}
                >
                  {t('signIn.back')}
                </Button>
              </Space>
            </Form>
          )}
        </Card>
      </Col>
    </Row>
  );
}
