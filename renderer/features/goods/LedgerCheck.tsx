import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../../api';
import { useErrorText } from '../../app/useErrorText';

/** The settings button that re-checks the custody ledger's hash chain and says where it broke, if it did. */
export function LedgerCheck() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<OutputOf<'goods.verifyLedger'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const verify = async () => {
    setBusy(true);
    const result = await call('goods.verifyLedger', {});
    setBusy(false);
    setReport(result.ok ? result.value : null);
    setError(result.ok ? null : errorText(result.error));
  };
  const broken = report?.firstBroken;
  return (
    <Space orientation="vertical" style={{ marginTop: 24, maxWidth: 640 }}>
      <Typography.Text type="secondary">{t('goods.verifyIntro')}</Typography.Text>
      <Button onClick={verify} loading={busy}>
        {t('goods.verify')}
      </Button>
      {error && <Alert type="error" showIcon title={error} />}
      {report && !broken && <Alert type="success" showIcon title={t('goods.verifyOk', report)} />}
      {broken && (
        <Alert
          type="error"
          showIcon
          title={t('goods.verifyBroken', { seq: broken.seq, reason: t(`goods.reasons.${broken.reason}`) })}
          description={broken.entryId ?? undefined}
        />
      )}
    </Space>
  );
}
