import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/result';

/** A person-readable, translated message for a failed call. */
export function useErrorText(): (error: AppError) => string {
  const { t } = useTranslation();
  return (error) => (error.message.startsWith('network:') ? t('errors.network') : t(`errors.${error.code}`));
}
