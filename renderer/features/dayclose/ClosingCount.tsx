import { App, Button, Card, Col, Form, Input, Row, Space, Statistic, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashCount } from '../../../shared/cash';
import type { ZReport } from '../../../shared/contract-dayclose';
import { call } from '../../api';
import { CountSheet } from './CountSheet';
import { useAttemptKey } from './useAttemptKey';
import { useDayCloseErrors } from './useDayCloseErrors';
import { Variance } from './Variance';
import { yuan } from '../../app/money';

/**
 * The end of the day: count the drawer by denomination, see what was counted against what was
 * expected, explain any variance, and close. Counting again is allowed (the report says how many
 * counts there were and what the first found); the close takes the latest count.
 */
export function ClosingCount({
  report,
  onReport,
  onClosed,
  onDayGone,
}: {
  report: ZReport;
  onReport: (next: ZReport) => void;
  onClosed: (closed: ZReport) => void;
  /** Someone else closed the day meanwhile. */
  onDayGone: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { explain, countErrors, markFields } = useDayCloseErrors();
  const countAttempt = useAttemptKey();
  const closeAttempt = useAttemptKey();
  const [form] = Form.useForm<{ note: string }>();
  const { cash } = report;
  const counted = cash.countedFen !== null;
  const [recounting, setRecounting] = useState(false);
  const [counts, setCounts] = useState<CashCount>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const countButton = useRef<HTMLButtonElement>(null);
  const variance = cash.varianceFen ?? 0;

  const refused = (error: Parameters<typeof explain>[0]) => {
    void message.error(explain(error));
    if (error.code === 'day_closed') onDayGone();
  };

  const count = async () => {
    if (busy) return;
    setBusy(true);
    const result = await call('dayclose.count', {
      businessDate: report.businessDate,
      counts,
      idempotencyKey: countAttempt.key,
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(countErrors(result.error));
      return refused(result.error);
    }
    countAttempt.renew();
    setRecounting(false);
    setCounts({});
    onReport(result.value);
  };

  const close = async ({ note }: { note: string }) => {
    if (busy) return;
    setBusy(true);
    const result = await call('dayclose.close', {
      businessDate: report.businessDate,
      note,
      idempotencyKey: closeAttempt.key,
    });
    setBusy(false);
    if (!result.ok) {
      markFields(form, result.error, ['note']);
      refused(result.error);
      // A payment taken since the count changes what was expected: show the day as it is now.
      if (result.error.fields?.note === 'variance_note_required') {
        const fresh = await call('dayclose.preview', { businessDate: report.businessDate });
        if (fresh.ok) onReport(fresh.value);
      }
      return;
    }
    closeAttempt.renew();
    onClosed(result.value);
  };

  // Closing locks the day for good (only a supervisor can reopen it), so it asks once more.
  const confirmClose = (values: { note: string }) =>
    modal.confirm({
      title: t('dayclose.close.confirm', { date: report.businessDate }),
      content: t('dayclose.close.confirmHelp'),
      okText: t('dayclose.close.submit'),
      cancelText: t('common.cancel'),
      onOk: () => close(values),
    });

  if (!counted || recounting) {
    return (
      <Card size="small" title={recounting ? t('dayclose.close.recount') : t('dayclose.close.countTitle')}>
        <Typography.Paragraph type="secondary">
          {report.blind ? t('dayclose.close.countHelpBlind') : t('dayclose.close.countHelp')}
        </Typography.Paragraph>
        <CountSheet
          value={counts}
          onChange={(next) => {
            setCounts(next);
            setErrors({});
          }}
          testIdPrefix="close"
          errors={errors}
          onDone={() => countButton.current?.focus()}
        />
        <Space style={{ marginTop: 12 }}>
          <Button
            ref={countButton}
            type="primary"
            loading={busy}
            onClick={() => void count()}
            data-testid="close-count-save"
          >
            {t('dayclose.close.saveCount')}
          </Button>
          {recounting && <Button onClick={() => setRecounting(false)}>{t('common.cancel')}</Button>}
        </Space>
      </Card>
    );
  }

  return (
    <Card size="small" title={t('dayclose.close.closeTitle')}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Statistic
            title={t('dayclose.figures.counted')}
            value={yuan(cash.countedFen)}
            data-testid="close-counted"
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('dayclose.figures.expected')}
            value={yuan(cash.expectedFen)}
            data-testid="close-expected"
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('dayclose.figures.variance')}
            valueRender={() => <Variance fen={cash.varianceFen} testId="close-variance" large />}
          />
        </Col>
      </Row>
      <Form form={form} layout="vertical" initialValues={{ note: '' }} onFinish={confirmClose}>
        <Form.Item
          name="note"
          label={t('dayclose.close.note')}
          // With a variance the field is marked required and its error says why; no second line.
          extra={variance === 0 ? t('dayclose.close.noteOptional') : undefined}
          rules={[
            {
              required: variance !== 0,
              whitespace: true,
              message: t('dayclose.fieldErrors.variance_note_required'),
            },
          ]}
        >
          <Input.TextArea data-testid="close-note" maxLength={500} showCount autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="close-submit">
            {t('dayclose.close.submit')}
          </Button>
          <Button onClick={() => setRecounting(true)} data-testid="close-recount">
            {t('dayclose.close.recount')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
