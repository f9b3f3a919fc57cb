import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../server/reports/store-report-format';
import { formulaLike } from '../../shared/spreadsheet';

describe('CSV exports', () => {
  it('keep numbers as numbers and turn anything a spreadsheet would run into text', () => {
    for (const number of ['-12.00', '-1,280.00', '-5', '42', '3.5'])
      expect(formulaLike.test(number), number).toBe(false);
    for (const formula of [
      '=1+1',
      '+1',
      '@SUM(A1)',
      '\tx',
      "-2+3+cmd|' /C calc'!A0",
      '-A1',
      '-¥50.00',
      '-1.2.3',
    ]) {
      expect(formulaLike.test(formula), formula).toBe(true);
    }
    expect(
      reportCsv([
        ['a', 'b'],
        ['-2+3+cmd|x', '-12.00'],
      ]),
    ).toBe("\uFEFFa,b\r\n'-2+3+cmd|x,-12.00\r\n");
  });
});
