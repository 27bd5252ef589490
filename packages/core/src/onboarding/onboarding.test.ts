import { describe, expect, it } from 'vitest';
import { isDonor, isPortableNumber } from './donors.ts';
import { checkPortDate, portDateRange } from './port-date.ts';
import { newOrderReference, normaliseReference } from './reference.ts';

const TZ = 'Europe/Moscow';

describe('port-in dates', () => {
  it('SVC-13 allows a transfer date from 8 days to about 6 months ahead of the operator’s today', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(portDateRange(now, TZ)).toEqual({ earliest: '2026-12-01', latest: '2027-05-25' });
    expect(checkPortDate('2026-11-30', now, TZ)).toBe('too_early');
    expect(checkPortDate('2026-12-01', now, TZ)).toBeNull();
    expect(checkPortDate('2027-05-25', now, TZ)).toBeNull();
    expect(checkPortDate('2027-05-26', now, TZ)).toBe('too_late');
    expect(checkPortDate('2026-02-30', now, TZ)).toBe('invalid');
    expect(checkPortDate('01.12.2026', now, TZ)).toBe('invalid');
  });

  it('SVC-13 counts the 8 days from Moscow’s today, not UTC’s, just before midnight UTC', () => {
    // 22:30 UTC on the 23rd is already 01:30 on the 24th in Moscow.
    const now = new Date('2026-11-23T22:30:00Z');
    expect(portDateRange(now, TZ).earliest).toBe('2026-12-02');
    expect(checkPortDate('2026-12-01', now, TZ)).toBe('too_early');
  });
});

describe('donors and numbers', () => {
  it('SVC-13 accepts only listed donors and Russian mobile numbers', () => {
    expect(isDonor('megafon')).toBe(true);
    expect(isDonor('kabinet')).toBe(false);
    expect(isPortableNumber('+79161234567')).toBe(true);
    expect(isPortableNumber('+74951234567')).toBe(false);
    expect(isPortableNumber('+375291234567')).toBe(false);
  });
});

describe('order references', () => {
  it('SVC-13 makes random references that read back whatever the typing', () => {
    const refs = new Set(Array.from({ length: 200 }, () => newOrderReference()));
    expect(refs.size).toBe(200);
    for (const ref of refs) {
      expect(ref).toMatch(/^KB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(normaliseReference(ref.toLowerCase().replace('-', ' '))).toBe(ref);
    }
    expect(normaliseReference('kb-ab1o-xyzl')).toBe('KB-AB10-XYZ1');
    expect(normaliseReference('KB-ABCD-EFU1')).toBeNull();
    expect(normaliseReference('KB-ABC')).toBeNull();
  });
});
