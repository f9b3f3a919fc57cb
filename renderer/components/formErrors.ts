import type { FormInstance } from 'antd';
import type { AppError } from '../../shared/result';

/** Marks the form fields the core rejected (`fields` keys are dotted paths like `store.code`). */
export function showFieldErrors(form: FormInstance, error: AppError): boolean {
  const entries = Object.entries(error.fields ?? {});
  form.setFields(entries.map(([key, message]) => ({ name: key.split('.'), errors: [message] })));
  return entries.length > 0;
}
