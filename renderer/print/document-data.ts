import type { TFunction } from 'i18next';
import type { Category, Labelled } from '../../shared/catalogue';
import type { OutputOf } from '../../shared/contract';
import type { RepairCard } from '../../shared/contract-repair';
import { calendarDateIn, formatMoment } from '../../shared/dates';
import { formatFen } from '../../shared/money';
import type { Language } from '../../shared/roles';

/** Everything a printed document of one ticket needs, gathered once by the print flow. */
export type DocumentData = {
  ticket: OutputOf<'tickets.get'>;
  /** The work done so far (diagnosis, parts, labour, checks); null at intake, before any. */
  repair: RepairCard | null;
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

/** An instant on the store's clock (`YYYY-MM-DD HH:mm`) and its calendar date. */
export const storeTime = (data: Pick<DocumentData, 'store'>, at: number): string =>
  formatMoment(at, data.store.timeZone);
export const storeDate = (data: Pick<DocumentData, 'store'>, at: number): string =>
  calendarDateIn(at, data.store.timeZone);

type Fitted = {
  partId: string;
  sku: string;
  name: string;
  quantity: number;
  priceFen: number;
  oldPart: string;
};

/** Parts still fitted on the repair, per part: pieces taken back to stock are netted out. */
export function fittedParts(repair: RepairCard | null): Fitted[] {
  const byPart = new Map<string, Fitted>();
  for (const row of repair?.parts ?? []) {
    const entry = byPart.get(row.partId) ?? { ...row, quantity: 0 };
    entry.quantity += row.quantity;
    if (row.quantity > 0) entry.oldPart = row.oldPart;
    byPart.set(row.partId, entry);
  }
  return [...byPart.values()].filter((part) => part.quantity > 0);
}

/** When the work was finished: the move to ready for pickup (or the other ends of a repair). */
export function completedAt(repair: RepairCard | null): number | null {
  const ends = ['ready', 'returned_unrepaired', 'replaced', 'refunded'];
  return repair?.events.findLast((event) => ends.includes(event.toStatus))?.at ?? null;
}
