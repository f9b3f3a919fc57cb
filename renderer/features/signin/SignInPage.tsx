import { UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../../api';
import { useRemote } from '../../app/useRemote';
import { PinEntry } from './PinEntry';
import { usePinFailure } from './usePinFailure';

type Person = OutputOf<'auth.roster'>[number];

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
  const [chosen, setChosen] = useState<Person | null>(null);

  const signIn = async (pin: string) => {
    if (!chosen) return null;
    const result = await call('auth.signIn', { staffId: chosen.id, pin });
    if (!result.ok) return pinFailure(result.error);
    onSignedIn(result.value);
    return null;
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
          {!chosen && roster?.length === 0 && <Empty description={t('signIn.noStaff')} />}
          {!chosen && (
            <Space wrap size="middle" data-testid="roster">
              {roster?.map((person) => (
                <Button
                  key={person.id}
                  size="large"
                  style={{ height: 72, minWidth: 140 }}
                  onClick={() => setChosen(person)}
                >
                  <Space orientation="vertical" size={0}>
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
            <>
              <Typography.Paragraph strong>
                <Avatar icon={<UserOutlined />} /> {chosen.name} · {t(`roles.${chosen.role}`)}
              </Typography.Paragraph>
              <PinEntry
                submitLabel={t('signIn.submit')}
                onSubmit={signIn}
                secondary={{ label: t('signIn.back'), onClick: () => setChosen(null) }}
              />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
