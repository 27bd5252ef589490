import { describe, expect, it } from 'vitest';
import { fromWallClock, nextMonthlyCharge, startOfNextDay, toWallClock } from './dates.ts';

const MSK = 'Europe/Moscow';

describe('operator calendar', () => {
  it('RATE-03 finds the next monthly charge at midnight Moscow time on the anchor day', () => {
    const at = new Date('2026-11-23T10:00:00Z');
    expect(nextMonthlyCharge(at, 1, MSK).toISOString()).toBe('2026-11-30T21:00:00.000Z');
    expect(nextMonthlyCharge(at, 25, MSK).toISOString()).toBe('2026-11-24T21:00:00.000Z');
  });

  it('RATE-03 clamps an anchor day past the month end to the last day (31 → 28 February)', () => {
    const at = new Date('2027-02-01T00:00:00Z');
    expect(nextMonthlyCharge(at, 31, MSK).toISOString()).toBe('2027-02-27T21:00:00.000Z');
  });

  it('RATE-03 counts "tomorrow" on the wall clock, across a DST change too', () => {
    const berlinBeforeDst = new Date('2026-03-28T12:00:00Z');
    expect(startOfNextDay(berlinBeforeDst, 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    const after = startOfNextDay(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(after.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('RATE-03 wall clock conversion round-trips', () => {
    const instant = new Date('2026-07-15T08:30:15Z');
    expect(fromWallClock(toWallClock(instant, MSK), MSK).toISOString()).toBe(instant.toISOString());
  });
});
