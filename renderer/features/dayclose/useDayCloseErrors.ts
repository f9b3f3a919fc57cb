import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { useErrorText } from '../../app/useErrorText';
import { signedYuan } from '../../app/money';

/**
 * Explains a refused drawer or close call in a clerk's words. The drawer's own field codes
 * (`float_counted`, `variance_note_required`, `more_than_in_drawer` ...) are translated under
 * `dayclose.fieldErrors` before the shared `fieldErrors`; count lines come back as
 * `counts.<fen>` and are named by their denomination.
 */
export function useDayCloseErrors() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();

  const fieldText = (code: string, details: Record<string, unknown> = {}): string => {
    if (code === 'variance_note_required' && typeof details.varianceFen === 'number') {
      return t('dayclose.fieldErrors.variance_note_required_amount', {
        amount: signedYuan(details.varianceFen),
      });
    }
    return i18n.exists(`dayclose.fieldErrors.${code}`)
      ? t(`dayclose.fieldErrors.${code}`)
      : t(`fieldErrors.${code}`, { defaultValue: t('fieldErrors.invalid') });
  };

  /** One sentence for a toast: the first field the core named, else the error's code. */
  const explain = (error: AppError): string => {
    const first = Object.values(error.fields ?? {})[0];
    if (error.code === 'day_closed' && typeof error.details?.businessDate === 'string') {
      return t('dayclose.errors.dayClosed', { date: error.details.businessDate });
    }
    return first ? fieldText(first, error.details) : errorText(error);
  };

  /** Marks the form fields the core refused; false when it named none of them. */
  const markFields = (form: FormInstance, error: AppError, known: readonly string[]): boolean => {
    const entries = Object.entries(error.fields ?? {}).filter(([key]) => known.includes(key));
    form.setFields(entries.map(([key, code]) => ({ name: key, errors: [fieldText(code, error.details)] })));
    return entries.length > 0;
  };

  /** The count lines the core refused, by denomination (`counts.5000` -> `5000`). */
  const countErrors = (error: AppError): Record<string, string> =>
    Object.fromEntries(
      Object.entries(error.fields ?? {})
        .filter(([key]) => key.startsWith('counts.'))
        .map(([key, code]) => [key.slice('counts.'.length), fieldText(code)]),
    );

  return { explain, fieldText, markFields, countErrors };
}
