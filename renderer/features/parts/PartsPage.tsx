import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Parts stock. (Being written.) */
export function PartsPage() {
  const { t } = useTranslation();
  return (
    <Card>
      <Typography.Title level={3}>{t('parts.title')}</Typography.Title>
    </Card>
  );
}
