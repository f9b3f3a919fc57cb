import type { TFunction } from 'i18next';
import { denominations } from '../../shared/cash';
import type { CashCount } from '../../shared/cash';

/**
 * The one place a Z number becomes text: `Z-SH01-000012`. The core stores only the number; the
 * store code in front keeps the numbers of a chain's stores apart on paper, as with ticket numbers.
 */
export const formatZNo = (storeCode: string, zNo: number): string =>
  `Z-${storeCode}-${String(zNo).padStart(6, '0')}`;

/** The name of a note or coin as a till reads it (100 元, 5 角). */
export const denominationLabel = (fen: number, t: TFunction): string => t(`dayclose.denominations.${fen}`);

/** A count's lines, largest note first, with the value of each line; denominations not counted are 0. */
export const countLines = (count: CashCount | null) =>
  denominations.map((fen) => {
    const pieces = count?.[String(fen)] ?? 0;
    return { fen, pieces, totalFen: fen * pieces };
  });
