import { App, Form, Modal, type FormInstance } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import type { Bill } from '../../../shared/contract-payments';
import type { AppError, Result } from '../../../shared/result';
import { useOverride } from '../auth/useOverride';
import { usePaymentErrors } from './usePaymentErrors';

/** Makes a call; one a clerk may not make alone asks a supervisor's PIN first (useOverride). */
export type CallWithOverride = <M extends MethodName>(
  method: M,
  input: InputOf<M>,
) => Promise<Result<OutputOf<M>>>;

/**
 * The dialog every money act at the counter uses (a payment, a discount, a refund, a lost claim
 * receipt): Enter or OK sends it, a call a clerk may not make alone asks for a supervisor's PIN, a
 * refusal marks the fields the core named and says why, and success hands the bill as it now
 * stands to the screen. The caller makes its idempotency key once per dialog, so a double press or
 * a retry after the supervisor's PIN writes once.
 */
export function MoneyModal<V extends object>({
  title,
  okText,
  danger,
  initialValues,
  run,
  onRefused,
  onClose,
  onDone,
  testId,
  children,
}: {
  title: ReactNode;
  okText?: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  run: (values: V, callWithOverride: CallWithOverride) => Promise<Result<Bill> | null>;
  /** Fields outside the form (payment lines) learn of a refusal here. */
  onRefused?: (error: AppError) => void;
  onClose: () => void;
  onDone: (bill: Bill) => void;
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { explain, fieldText } = usePaymentErrors();
  const override = useOverride();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false); // a double press sends once (state would only know next render)

  const submit = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      inFlight.current = false;
      return;
    }
    setBusy(true);
    const result = await run(values, override.callWithOverride);
    inFlight.current = false;
    setBusy(false);
    if (!result) return; // the dialog found a problem itself and shows it
    if (result.ok) {
      void message.success(t('pickup.saved'));
      return onDone(result.value);
    }
    const error = result.error;
    if (error.code === 'override_required') return; // the supervisor was asked and declined
    // Only the fields this form has: the rest (payment lines) are the caller's to show.
    const untyped = form as FormInstance;
    const known = new Set(Object.keys(untyped.getFieldsValue() as object));
    untyped.setFields(
      Object.entries(error.fields ?? {})
        .filter(([field]) => known.has(field))
        .map(([field, code]) => ({ name: field, errors: [fieldText(code)] })),
    );
    onRefused?.(error);
    void message.error(explain(error));
  };

  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <div data-testid={testId}>
        <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
          {children}
          {/* Enter in any field sends the form, as OK does. */}
          <button type="submit" hidden />
        </Form>
      </div>
      {override.dialog}
    </Modal>
  );
}
