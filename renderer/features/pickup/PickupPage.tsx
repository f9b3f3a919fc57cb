import { useTranslation } from 'react-i18next';

/** The hand-back screen (being built). */
export function PickupPage({ ticketNo }: { ticketNo?: string }) {
  const { t } = useTranslation();
  return <h1 data-ticket={ticketNo}>{t('pickup.title')}</h1>;
}
