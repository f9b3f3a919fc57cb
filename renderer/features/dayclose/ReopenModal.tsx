import { App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drawer } from '../../../shared/contract-dayclose';
import { useOverride } from '../auth/useOverride';
import { useDayCloseErrors } from './useDayCloseErrors';

/**
 * Reopening a closed day, with the reason on record. Only a supervisor may; a clerk is asked for a
 * supervisor's PIN (the core's override), and the reopen names both. The close stays on file,
 * marked reopened, and the day is closed again later under a new Z number.
 */
export function ReopenModal({
  businessDate,
  zNo,
  onClose,
  onReopened,
}: {
  businessDate: string;
  zNo: string;
  onClose: () => void;
  onReopened: (drawer: Drawer) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { explain, markFields } = useDayCloseErrors();
  const override = useOverride();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const reopen = async ({ reason }: { reason: string }) => {
    if (busy) return;
    setBusy(true);
    const result = await override.callWithOverride('dayclose.reopen', { businessDate, reason });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'override_required') return; // the supervisor was asked and declined
      markFields(form, result.error, ['reason']);
      void message.error(explain(result.error));
      return;
    }
    void message.success(t('dayclose.reopen.done', { date: businessDate }));
    onReopened(result.value);
  };

  const okButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    loading: busy,
    'data-testid': 'reopen-submit',
  };
  return (
    <Modal
      open
      title={t('dayclose.reopen.title', { zNo, date: businessDate })}
      okText={t('dayclose.reopen.submit')}
      okButtonProps={okButton}
      cancelText={t('common.cancel')}
      onOk={() => void form.validateFields().then(reopen, () => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('dayclose.reopen.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void reopen(values)}>
        <Form.Item
          name="reason"
          label={t('dayclose.reopen.reason')}
          rules={[{ required: true, whitespace: true, message: t('fieldErrors.reason_required') }]}
        >
          <Input maxLength={200} autoFocus data-testid="reopen-reason" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
      {override.dialog}
    </Modal>
  );
}
