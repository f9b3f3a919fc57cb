import { useTranslation } from 'react-i18next';

/** The drawer and day-close screen (being built). */
export function DayClosePage() {
  const { t } = useTranslation();
  return <h1>{t('dayclose.title')}</h1>;
}
