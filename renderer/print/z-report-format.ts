import type { TFunction } from 'i18next';
import { denominations } from '../../shared/cash';
import type { CashCount } from '../../shared/cash';
import { formatFen } from '../../shared/money';

/**
 * The one place a Z number becomes text: `Z-SH01-000012`. The core stores only the number; the
 * store code in front keeps the numbers of a chain's stores apart on paper, as with ticket numbers.
 */
export const formatZNo = (storeCode: string, zNo: number): string =>
  `Z-${storeCode}-${String(zNo).padStart(6, '0')}`;

/** `¥1,280.00`; a dash where there is no figure (a blind close before the count). */
export const yuan = (fen: number | null | undefined): string =>
  // `+ 0` turns a negated zero into 0: formatFen prints -0 as "-0.00".
  fen === null || fen === undefined ? '—' : `¥${formatFen(fen + 0)}`;

/** Money going out of the drawer or back to a customer: `-¥50.00`, but a plain `¥0.00` for none. */
export const minusYuan = (fen: number): string => (fen === 0 ? yuan(0) : `-${yuan(fen)}`);

/** A variance with its sign always shown, so "+¥5.00" (over) and "-¥5.00" (short) cannot be misread. */
export const signedYuan = (fen: number): string =>
  fen > 0 ? `+¥${formatFen(fen)}` : fen < 0 ? `-¥${formatFen(-fen)}` : `¥${formatFen(0)}`;

/** Plain `1280.00` for spreadsheets: no currency sign, no thousands separator. */
export const plainYuan = (fen: number): string =>
  fen < 0 ? `-${formatFen(-fen).replace(/,/g, '')}` : formatFen(fen + 0).replace(/,/g, '');

/** The name of a note or coin as a till reads it (100 元, 5 角). */
export const denominationLabel = (fen: number, t: TFunction): string => t(`dayclose.denominations.${fen}`);

/** A count's lines, largest note first, with the value of each line; denominations not counted are 0. */
export const countLines = (count: CashCount | null) =>
  denominations.map((fen) => {
    const pieces = count?.[String(fen)] ?? 0;
    return { fen, pieces, totalFen: fen * pieces };
  });
