import { describe, expect, it } from 'vitest';
import { currentMonth, formatDay, formatMonth } from './month-label';

describe('statement dates', () => {
  it('PAY-08 names a month key as that month, whatever the browser zone', () => {
    expect(formatMonth('ru-RU', '2026-11')).toMatch(/^ноябрь 2026/);
    expect(formatMonth('en-GB', '2027-01')).toBe('January 2027');
    expect(formatDay('ru-RU', '2026-12-21')).toMatch(/^21 декабря 2026/);
  });

  it('PAY-08 takes this month in the operator zone: 22:30 UTC on 30 November is already December in Moscow', () => {
    expect(currentMonth(new Date('2026-11-30T22:30:00Z'))).toBe('2026-12');
    expect(currentMonth(new Date('2026-11-30T20:30:00Z'))).toBe('2026-11');
  });
});
