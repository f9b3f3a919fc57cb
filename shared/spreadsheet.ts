/**
 * A cell a spreadsheet would run as a formula: one starting with = + @ a tab or a return, or with a
 * minus that does not start a plain number ("-12.00" and "-1,280.00" stay numbers; "-2+3+cmd|' /C
 * calc'!A0" does not). CSV exports put a quote before such a cell so it is read as text.
 */
export const formulaLike = /^[=+@\t\r]|^-(?!\d[\d,]*(\.\d+)?$)/;
