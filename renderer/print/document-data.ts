import type { TFunction } from 'i18next';
import type { Category, Labelled } from '../../shared/catalogue';
import type { OutputOf } from '../../shared/contract';
import { formatFen } from '../../shared/money';
import type { Language } from '../../shared/roles';

/** Everything a printed document of one ticket needs, gathered once by the print flow. */
export type DocumentData = {
  ticket: OutputOf<'tickets.get'>;
  store: OutputOf<'store.get'>;
  category: Category | undefined;
  receiptTerms: string;
  paperSize: '80mm' | 'A4' | 'A5';
  /** 0 for the original; a later print says it is a copy. */
  copyNo: number;
  language: Language;
  /** Fixed to the store's language: the customer's slip does not follow the clerk's screen. */
  t: TFunction;
};

export const labelOf = (items: Labelled[] | undefined, key: string, language: Language): string => {
  const item = items?.find((candidate) => candidate.key === key);
  return item ? (language === 'en' ? item.en : item.zh) : key;
};

export const money = (fen: number, currency: string): string =>
  `${currency === 'CNY' ? '¥' : `${currency} `}${formatFen(fen)}`;

/** The surname shown on the card hung on the device: 王伟 -> 王, Zhang Xiaoming -> Zhang. */
export const surnameOf = (name: string): string =>
  /\p{Script=Han}/u.test(name) ? ([...name][0] ?? '') : (name.split(/\s+/)[0] ?? '');
