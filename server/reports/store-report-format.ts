import stringWidth from 'string-width';
import type { ReportResult } from '../../shared/contract-reports';
import { formulaLike } from '../../shared/spreadsheet';

type Lang = 'zh-CN' | 'en';

/**
 * A report's rows as a table of text: one column per figure (the figures' own names, as in the
 * counter's CSV keys), category ids given their names in the language asked for.
 */
export function reportTable(result: ReportResult, lang: Lang): string[][] {
  const rows: Record<string, unknown>[] =
    result.kind === 'service_levels'
      ? [result.levels]
      : (result.rows as unknown as Record<string, unknown>[]);
  const names = 'categories' in result ? result.categories : {};
  const cell = (key: string, value: unknown) => {
    if (key === 'categoryId' && typeof value === 'string') {
      const name = names[value];
      return name ? (lang === 'en' ? name.en : name.zh) : value;
    }
    return value === null || value === undefined ? '' : String(value);
  };
  const keys = Object.keys(rows[0] ?? {});
  return [keys, ...rows.map((row) => keys.map((key) => cell(key, row[key])))];
}

/** For a terminal: columns aligned for Chinese (double-width) text, figures to the right. */
export function reportText(title: string, table: string[][]): string {
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => stringWidth(row[i] ?? '')))) ?? [];
  const numeric = (i: number) => table.slice(1).every((row) => /^-?[\d.]*$/.test(row[i] ?? ''));
  const lines = table.map((row) =>
    row
      .map((text, i) => {
        const gap = ' '.repeat((widths[i] ?? 0) - stringWidth(text));
        return numeric(i) ? gap + text : text + gap;
      })
      .join('  ')
      .trimEnd(),
  );
  const rule = '-'.repeat(Math.max(0, ...lines.map((line) => stringWidth(line))));
  return [title, rule, lines[0] ?? '', rule, ...lines.slice(1), ''].join('\n');
}

/** For a spreadsheet: UTF-8 with a byte-order mark, quoted where needed, a formula never run. */
export function reportCsv(table: string[][]): string {
  const quote = (text: string) => {
    const safe = formulaLike.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${table.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}
