import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { PinInput } from './PinInput';
import { usePinFailure } from './usePinFailure';

/** Shown after idle time or the Lock button: the same person unlocks, or someone else signs in. */
export function LockScreen({
  name,
  onUnlocked,
  onOtherUser,
}: {
  name: string;
  onUnlocked: () => void;
  onOtherUser: () => void;
}) {
  const { t } = useTranslation();
  const pinFailure = usePinFailure();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const unlock = async () => {
    if (!pin) return;
    const result = await call('auth.unlock', { pin });
    setPin('');
    if (result.ok) return onUnlocked();
    if (result.error.code === 'locked_out' || result.error.code === 'unauthenticated') return onOtherUser();
    setError(pinFailure(result.error));
  };

  return (
    <Row justify="center" style={{ padding: '12vh 16px' }}>
      <Col xs={24} sm={16} md={10} lg={8}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            <LockOutlined /> {t('lock.title')}
          </Typography.Title>
          <Typography.Paragraph>{t('lock.locked', { name })}</Typography.Paragraph>
          {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
          <Form onFinish={unlock}>
            <Form.Item>
              <PinInput
                autoFocus
                size="large"
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
                aria-label={t('signIn.enterPin')}
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" size="large">
                {t('lock.unlock')}
              </Button>
              <Button size="large" onClick={onOtherUser}>
                {t('lock.otherUser')}
              </Button>
            </Space>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
