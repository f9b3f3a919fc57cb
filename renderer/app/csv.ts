import Papa from 'papaparse';
import { formulaLike } from '../../shared/spreadsheet';

/**
 * Rows as CSV for a spreadsheet: a byte-order mark so Excel reads the Chinese as UTF-8, Windows line
 * ends, and a note or name that starts like a formula kept as text rather than run.
 */
export const csvText = (rows: unknown[]): string =>
  `\uFEFF${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: formulaLike })}`;

/** Hands a file to the browser's (or Electron's) download. */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}
