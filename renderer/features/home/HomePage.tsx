import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';

/** Where the counter lands after sign-in; later features add their queues here. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.title')}
      </Typography.Title>
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('home.store')}>{session.storeName}</Descriptions.Item>
        <Descriptions.Item label={t('home.you')}>
          {session.staff.name} · {t(`roles.${session.staff.role}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('home.version')}>{session.appVersion}</Descriptions.Item>
        <Descriptions.Item label={t('home.schema')}>{session.schemaVersion}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
