/** Money is integer fen everywhere. The largest amount the counter accepts: ¥999,999.99. */
export const maxFen = 99_999_999;

/**
 * Parses what a clerk types ("300", "12.5", "¥1,280.00") straight to integer fen, never through a
 * float. Null for anything that is not a plain non-negative amount with at most two decimals.
 */
export function parseYuan(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/,/g, '');
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= maxFen ? fen : null;
}

/** `1280.00`, for printing and display (the currency sign is the caller's). */
export const formatFen = (fen: number): string =>
  `${fen < 0 ? '-' : ''}${Math.trunc(Math.abs(fen) / 100).toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
