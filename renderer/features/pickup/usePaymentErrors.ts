import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { useErrorText } from '../../app/useErrorText';
import { yuan } from '../../app/money';

const amountOf = (value: unknown): string => (typeof value === 'number' ? yuan(value) : '—');

/**
 * Explains a refused money call in words a clerk reads: the balance the payment must match, what was
 * paid by a method, what is left to discount, the field at fault. Money codes are translated under
 * `pickup.fieldErrors` before the shared `fieldErrors`.
 */
export function usePaymentErrors() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();

  const fieldText = (code: string): string =>
    i18n.exists(`pickup.fieldErrors.${code}`)
      ? t(`pickup.fieldErrors.${code}`)
      : t(`fieldErrors.${code}`, { defaultValue: t('fieldErrors.invalid') });

  const explain = (error: AppError): string => {
    const details = error.details ?? {};
    const codes = Object.values(error.fields ?? {});
    if (codes.includes('must_settle')) {
      return t('pickup.errors.mustSettle', { amount: amountOf(details.balanceFen) });
    }
    if (codes.includes('more_than_due')) {
      return t('pickup.errors.moreThanDue', { amount: amountOf(details.balanceFen) });
    }
    if (codes.includes('more_than_paid')) {
      return t('pickup.errors.moreThanPaid', { amount: amountOf(details.paidFen) });
    }
    if (codes.includes('more_than_charged')) {
      return t('pickup.errors.moreThanCharged', { amount: amountOf(details.chargesFen) });
    }
    if (error.code === 'invalid_transition' && typeof details.from === 'string') {
      return t('pickup.errors.notNow', { status: t(`statuses.${details.from}`) });
    }
    if (error.code === 'changed_meanwhile') return t('pickup.errors.changedMeanwhile');
    const known = codes.find((code) => i18n.exists(`pickup.fieldErrors.${code}`));
    return known ? fieldText(known) : errorText(error);
  };

  return { explain, fieldText };
}
