import { describe, expect, it } from 'vitest';
import { calendarDateIn, formatMoment } from '../../shared/dates';

describe('store-time formatting', () => {
  it('prints an instant in the store time zone, whatever the PC says', () => {
    const at = Date.UTC(2026, 10, 22, 18, 29);
    expect(formatMoment(at, 'Asia/Shanghai')).toBe('2026-11-23 02:29');
    expect(calendarDateIn(at, 'Asia/Shanghai')).toBe('2026-11-23');
    expect(formatMoment(at, 'Europe/London')).toBe('2026-11-22 18:29');
  });
});
