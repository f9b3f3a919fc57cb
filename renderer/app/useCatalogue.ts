import { useTranslation } from 'react-i18next';
import type { Category, Labelled } from '../../shared/catalogue';
import { useRemote } from './useRemote';

/** The catalogue, and labels in the screen's language. */
export function useCatalogue() {
  const { i18n } = useTranslation();
  const { data } = useRemote('catalogue.get', {});
  const english = i18n.language === 'en';
  return {
    categories: data?.categories.filter((category) => category.active) ?? [],
    category: (id: string | undefined): Category | undefined =>
      data?.categories.find((category) => category.id === id),
    nameOf: (category: Category | undefined) =>
      category ? (english ? category.nameEn : category.nameZh) : '',
    label: (item: Labelled) => (english ? item.en : item.zh),
  };
}
