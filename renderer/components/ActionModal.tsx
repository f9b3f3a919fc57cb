import { App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Result } from '../../shared/result';
import { useErrorText } from '../app/useErrorText';
import { showFieldErrors } from './formErrors';

/**
 * The form's values if they pass its rules, else null. antd answers "out of date" when the page
 * re-renders while it checks (no field in error): that is checked again rather than the click lost.
 */
async function checkedValues<V>(form: FormInstance<V>): Promise<V | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await form.validateFields();
    } catch (error) {
      const { outOfDate, errorFields } = error as { outOfDate?: boolean; errorFields?: unknown[] };
      if (!outOfDate || (errorFields?.length ?? 0) > 0) return null;
    }
  }
  return null;
}

/**
 * A small form for one step (of a repair, a complaint, a call), in a dialog: Enter in a field (or
 * OK) sends it. A refusal marks the fields the core named and says why; a record changed meanwhile
 * (another person acted on it) closes the dialog and the page reloads, so nobody acts on a stale one.
 */
export function ActionModal<V extends object>({
  title,
  okText,
  danger,
  initialValues,
  run,
  explain,
  markFields,
  onClose,
  onDone,
  children,
}: {
  title: ReactNode;
  okText?: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  run: (values: V) => Promise<Result<unknown>>;
  /** Words for a refusal, when the generic translated code says too little. */
  explain?: (error: AppError) => string;
  /** Marks the refused fields, when their codes are a feature's own. */
  markFields?: (form: FormInstance, error: AppError) => void;
  onClose: () => void;
  /** After a change, or when the ticket changed meanwhile: reload. */
  onDone: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const values = await checkedValues(form);
    if (!values) return;
    setBusy(true);
    const result = await run(values);
    setBusy(false);
    if (result.ok) {
      void message.success(t('workflow.saved'));
      return onDone();
    }
    if (markFields) markFields(form, result.error);
    else showFieldErrors(form, result.error, t);
    void message.error(explain?.(result.error) ?? errorText(result.error));
    if (result.error.code === 'changed_meanwhile') onDone();
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
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
        {children}
        {/* Enter in any field sends the form, as OK does. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
