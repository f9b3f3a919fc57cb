import stringWidth from 'string-width';

/**
 * A table as lines of text for a terminal, each column as wide as its widest cell counted in
 * display columns (Chinese characters take two), two spaces apart; the columns `leftAligned` names
 * are padded on the right (names, labels), the others on the left (figures).
 */
export function alignColumns(table: string[][], leftAligned: (column: number) => boolean): string[] {
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => stringWidth(row[i] ?? '')))) ?? [];
  return table.map((row) =>
    row
      .map((text, i) => {
        const gap = ' '.repeat((widths[i] ?? 0) - stringWidth(text));
        return leftAligned(i) ? text + gap : gap + text;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** A rule as wide as the widest line. */
export const ruleFor = (lines: string[]): string =>
  '-'.repeat(Math.max(0, ...lines.map((line) => stringWidth(line))));
