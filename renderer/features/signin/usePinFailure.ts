import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { useErrorText } from '../../app/useErrorText';

/** Explains a refused PIN: how many tries are left, or until when the person is locked out. */
export function usePinFailure(): (error: AppError) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) => {
    if (error.code === 'wrong_pin' && typeof error.details?.attemptsLeft === 'number') {
      return t('signIn.wrongPin', { count: error.details.attemptsLeft });
    }
    if (error.code === 'locked_out' && typeof error.details?.retryAt === 'number') {
      return t('signIn.lockedOut', { time: dayjs(error.details.retryAt).format('HH:mm') });
    }
    return errorText(error);
  };
}
