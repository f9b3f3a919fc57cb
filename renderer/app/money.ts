import { formatFen } from '../../shared/money';

/**
 * Money as the screens and printouts show it: `¥1,280.00`, the sign before the currency (`-¥22.00`
 * for a refund, not `¥-22.00`); a dash where there is no figure.
 */
export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `${fen < 0 ? '-' : ''}¥${formatFen(Math.abs(fen))}`;

/** Money going out of the drawer or back to a customer: `-¥50.00`, but a plain `¥0.00` for none. */
export const minusYuan = (fen: number): string => (fen === 0 ? yuan(0) : `-${yuan(fen)}`);

/** A variance with its sign always shown, so "+¥5.00" (over) and "-¥5.00" (short) cannot be misread. */
export const signedYuan = (fen: number): string => (fen > 0 ? `+${yuan(fen)}` : yuan(fen));

/** Plain `1280.00` for a field a person edits or a spreadsheet: no currency sign, no thousands separator. */
export const plainYuan = (fen: number): string => formatFen(fen).replace(/,/g, '');
