import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AppError } from '../../../shared/result';
import { useErrorText } from '../../app/useErrorText';

/**
 * Explains a refused parts call in words a clerk reads: the stock there is, the code that is
 * unknown or taken, the field at fault. Parts codes are translated under `parts.fieldErrors`
 * before the shared `fieldErrors`.
 */
export function usePartsErrors() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();

  const fieldText = (code: string): string =>
    i18n.exists(`parts.fieldErrors.${code}`)
      ? t(`parts.fieldErrors.${code}`)
      : t(`fieldErrors.${code}`, { defaultValue: t('fieldErrors.invalid') });

  const explain = (error: AppError): string => {
    const details = error.details ?? {};
    const codes = Object.values(error.fields ?? {});
    if (codes.includes('insufficient_stock')) {
      return t('parts.errors.insufficientStock', { onHand: details.onHand, requested: details.requested });
    }
    if (codes.includes('unknown_code')) return t('parts.errors.unknownCode', { code: details.code });
    if (codes.includes('code_taken')) return t('parts.errors.codeTaken', { sku: details.sku });
    const known = codes.find((code) => i18n.exists(`parts.fieldErrors.${code}`));
    return known ? fieldText(known) : errorText(error);
  };

  /** Marks the fields the core refused; false when it named none. */
  const markFields = (form: FormInstance, error: AppError): boolean => {
    const entries = Object.entries(error.fields ?? {});
    form.setFields(
      entries.map(([key, code]) => ({
        name: key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        errors: [fieldText(code)],
      })),
    );
    return entries.length > 0;
  };

  /** A form rule from a contract schema: the form checks what the core will, in the same words. */
  const schemaRule = (schema: z.ZodType): Rule => ({
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(fieldText(result.error.issues[0]?.message ?? 'invalid'));
    },
  });

  return { explain, markFields, fieldText, schemaRule };
}
