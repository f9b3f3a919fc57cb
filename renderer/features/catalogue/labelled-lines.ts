import type { Labelled } from '../../../shared/catalogue';

/** Lists are edited as lines `key | 中文 | English`: quick to type, easy to read back. */
export const toLines = (items: Labelled[]): string =>
  items.map((item) => `${item.key} | ${item.zh} | ${item.en}`).join('\n');

export const fromLines = (text: string): Labelled[] =>
  text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts.some(Boolean))
    .map(([key = '', zh = '', en = '']) => ({ key, zh, en: en || zh }));
