import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/result';

/** A person-readable, translated message for a failed call. */
export function useErrorText(): (error: AppError) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error.message.startsWith('network:')) return t('errors.network');
    // A customer's device that moves with its repair: say where to do it instead.
    const use = error.details?.use;
    if (error.code === 'invalid_transition' && typeof use === 'string') {
      if (use === 'pickup' || use === 'pickup.save') return t('errors.atHandBack');
      if (use.startsWith('repair.')) return t('errors.withItsRepair');
    }
    return t(`errors.${error.code}`);
  };
}
