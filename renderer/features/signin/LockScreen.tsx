import { LockOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { PinEntry } from './PinEntry';
import { usePinFailure } from './usePinFailure';

type Props = { name: string; onUnlocked: () => void; onOtherUser: () => void };

/** Shown after idle time or the Lock button: the same person unlocks, or someone else signs in. */
export function LockScreen({ name, onUnlocked, onOtherUser }: Props) {
  const { t } = useTranslation();
  const pinFailure = usePinFailure();

  const unlock = async (pin: string) => {
    const result = await call('auth.unlock', { pin });
    if (result.ok) onUnlocked();
    else if (result.error.code === 'locked_out' || result.error.code === 'unauthenticated') onOtherUser();
    else return pinFailure(result.error);
    return null;
  };

  return (
    <Row justify="center" style={{ padding: '12vh 16px' }}>
      <Col xs={24} sm={16} md={10} lg={8}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            <LockOutlined /> {t('lock.title')}
          </Typography.Title>
          <Typography.Paragraph>{t('lock.locked', { name })}</Typography.Paragraph>
          <PinEntry
            submitLabel={t('lock.unlock')}
            onSubmit={unlock}
            secondary={{ label: t('lock.otherUser'), onClick: onOtherUser }}
          />
        </Card>
      </Col>
    </Row>
  );
}
