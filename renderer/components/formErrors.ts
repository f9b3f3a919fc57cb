import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { AppError } from '../../shared/result';

/**
 * Marks the form fields the core rejected. `fields` maps dotted paths (`store.code`) to stable codes,
 * translated here from `fieldErrors` in renderer/i18n.
 */
export function showFieldErrors(form: FormInstance, error: AppError, t: TFunction): boolean {
  const entries = Object.entries(error.fields ?? {});
  form.setFields(
    entries.map(([key, code]) => ({
      // List positions come back as text (`customer.phones.0`); the form names them with numbers.
      name: key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [t(`fieldErrors.${code}`, { defaultValue: t('fieldErrors.invalid') })],
    })),
  );
  return entries.length > 0;
}
