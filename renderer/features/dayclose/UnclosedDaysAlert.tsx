import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Earlier days with money on them that nobody closed: each stays open (and out of any Z-report)
 * until it is counted and closed, so the warning offers to close each one.
 */
export function UnclosedDaysAlert({ days, onClose }: { days: string[]; onClose: (day: string) => void }) {
  const { t } = useTranslation();
  if (days.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="unclosed-days"
      style={{ marginBottom: 16 }}
      title={t('dayclose.unclosed.title', { count: days.length })}
      description={
        <Space wrap>
          {days.map((day) => (
            <Button key={day} size="small" data-testid={`close-unclosed-${day}`} onClick={() => onClose(day)}>
              {t('dayclose.unclosed.close', { date: day })}
            </Button>
          ))}
        </Space>
      }
    />
  );
}
