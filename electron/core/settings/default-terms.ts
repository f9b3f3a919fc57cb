import type { Language } from '../../../shared/roles';
import en from '../../../resources/receipt-terms.en.txt?raw';
import zhCN from '../../../resources/receipt-terms.zh-CN.txt?raw';

/** The receipt terms a new store starts with, in the language chosen at setup. */
export const defaultReceiptTerms = (language: Language): string => (language === 'en' ? en : zhCN).trim();
