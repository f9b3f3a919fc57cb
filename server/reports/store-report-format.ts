import type { ReportResult } from '../../shared/contract-reports';
import { formulaLike } from '../../shared/spreadsheet';
import { alignColumns, ruleFor } from './text-columns';

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
  const body = table.slice(1);
  const numeric = (table[0] ?? []).map((_, i) => body.every((row) => /^-?[\d.]*$/.test(row[i] ?? '')));
  const lines = alignColumns(table, (i) => !numeric[i]);
  const rule = ruleFor(lines);
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
