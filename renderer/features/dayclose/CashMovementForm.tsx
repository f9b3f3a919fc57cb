import { App, Button, Card, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drawer } from '../../../shared/contract-dayclose';
import { call } from '../../api';
import { YuanInput, yuanRule } from '../../components/YuanInput';
import { useAttemptKey } from './useAttemptKey';
import { useDayCloseErrors } from './useDayCloseErrors';
import { yuan } from '../../app/money';

type Values = { kind: 'pay_in' | 'pay_out'; amountFen: number | null; note: string };

/**
 * Cash taken out of the drawer (a courier, small supplies) or put in (change from the bank) that is
 * not a customer's payment. The note says what it was for: it is printed on the Z-report.
 */
export function CashMovementForm({ onDrawer }: { onDrawer: (next: Drawer) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { explain, markFields } = useDayCloseErrors();
  const attempt = useAttemptKey();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const save = async (values: Values) => {
    if (saving || values.amountFen === null) return;
    setSaving(true);
    const result = await call('drawer.cash', {
      kind: values.kind,
      amountFen: values.amountFen,
      note: values.note,
      idempotencyKey: attempt.key,
    });
    setSaving(false);
    if (!result.ok) {
      markFields(form, result.error, ['amountFen', 'note']);
      void message.error(explain(result.error));
      return;
    }
    attempt.renew();
    void message.success(
      t(`dayclose.drawer.${values.kind}Saved`, { amount: yuan(values.amountFen), note: values.note }),
    );
    form.resetFields(['amountFen', 'note']);
    onDrawer(result.value);
  };

  const required = { required: true, message: t('fieldErrors.required') };
  return (
    <Card size="small" title={t('dayclose.drawer.cashTitle')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'pay_out', note: '' }}
        onFinish={save}
        data-testid="cash-form"
      >
        <Form.Item name="kind" label={t('dayclose.drawer.cashKind')}>
          <Radio.Group
            data-testid="cash-kind"
            optionType="button"
            options={[
              { value: 'pay_out', label: t('dayclose.kinds.pay_out') },
              { value: 'pay_in', label: t('dayclose.kinds.pay_in') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="amountFen"
          label={t('dayclose.drawer.amount')}
          validateFirst
          rules={[
            required,
            yuanRule(t('fieldErrors.money_format')),
            {
              validator: async (_rule, fen: number | null) => {
                if (fen === 0) throw new Error(t('dayclose.fieldErrors.amount_zero'));
              },
            },
          ]}
        >
          <YuanInput data-testid="cash-amount" aria-label={t('dayclose.drawer.amount')} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('dayclose.drawer.note')}
          extra={t('dayclose.drawer.noteHelp')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={200} data-testid="cash-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="cash-save">
          {t('dayclose.drawer.cashSave')}
        </Button>
      </Form>
    </Card>
  );
}
