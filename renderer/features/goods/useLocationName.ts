import { useTranslation } from 'react-i18next';

/** Locations the core names itself (counter, workshop…) are translated; shelves and vendors are shown as written. */
const named = new Set(['counter', 'workshop', 'customer', 'scrapped', 'abandoned']);

export function useLocationName(): (location: string) => string {
  const { t } = useTranslation();
  return (location) => (named.has(location) ? t(`goods.locations.${location}`) : location);
}
