import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countTotal, type CashCount } from '../../../shared/cash';
import type { Drawer } from '../../../shared/contract-dayclose';
import { call } from '../../api';
import { useStoreTime } from '../../app/useStoreTime';
import { countLines, denominationLabel } from '../../print/z-report-format';
import { CountSheet } from './CountSheet';
import { useAttemptKey } from './useAttemptKey';
import { useDayCloseErrors } from './useDayCloseErrors';
import { yuan } from '../../app/money';

/**
 * The opening float, shown apart from the day's takings. Counted once a day by denomination; the core
 * refuses a second count, so saving asks to confirm the total first.
 */
export function FloatSection({ drawer, onDrawer }: { drawer: Drawer; onDrawer: (next: Drawer) => void }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const { message, modal } = App.useApp();
  const { explain, countErrors } = useDayCloseErrors();
  const attempt = useAttemptKey();
  const [counts, setCounts] = useState<CashCount>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const saveButton = useRef<HTMLButtonElement>(null);

  if (drawer.float) {
    const float = drawer.float;
    return (
      <Card size="small" title={t('dayclose.drawer.float')} data-testid="float-counted">
        <Typography.Paragraph>
          {t('dayclose.drawer.floatCountedBy', { name: float.staff.name, at: time(float.at) })}
        </Typography.Paragraph>
        <Descriptions size="small" column={2} bordered>
          {countLines(float.counts)
            .filter((line) => line.pieces > 0)
            .map((line) => (
              <Descriptions.Item key={line.fen} label={denominationLabel(line.fen, t)}>
                × {line.pieces} = {yuan(line.totalFen)}
              </Descriptions.Item>
            ))}
        </Descriptions>
        <Typography.Title level={4} data-testid="float-total" style={{ marginTop: 12 }}>
          {t('dayclose.figures.total')}: {yuan(float.totalFen)}
        </Typography.Title>
      </Card>
    );
  }

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const result = await call('drawer.float', { counts, idempotencyKey: attempt.key });
    setSaving(false);
    if (!result.ok) {
      setErrors(countErrors(result.error));
      void message.error(explain(result.error));
      // Someone else counted it meanwhile: show theirs.
      if (result.error.code === 'conflict') {
        const fresh = await call('drawer.state', {});
        if (fresh.ok) onDrawer(fresh.value);
      }
      return;
    }
    attempt.renew();
    void message.success(t('dayclose.drawer.floatSaved', { amount: yuan(result.value.float?.totalFen) }));
    onDrawer(result.value);
  };

  const confirm = () =>
    modal.confirm({
      title: t('dayclose.drawer.floatConfirm', { amount: yuan(countTotal(counts)) }),
      content: t('dayclose.drawer.floatConfirmHelp'),
      okText: t('dayclose.drawer.saveFloat'),
      cancelText: t('common.cancel'),
      onOk: save,
    });

  return (
    <Card size="small" title={t('dayclose.drawer.float')}>
      <Typography.Paragraph type="secondary">{t('dayclose.drawer.floatHelp')}</Typography.Paragraph>
      <CountSheet
        value={counts}
        onChange={(next) => {
          setCounts(next);
          setErrors({});
        }}
        testIdPrefix="float"
        errors={errors}
        onDone={() => saveButton.current?.focus()}
        autoFocus
      />
      <Space style={{ marginTop: 12 }}>
        <Button ref={saveButton} type="primary" data-testid="float-save" loading={saving} onClick={confirm}>
          {t('dayclose.drawer.saveFloat')}
        </Button>
      </Space>
    </Card>
  );
}
