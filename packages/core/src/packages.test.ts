import { describe, expect, it } from 'vitest';
import { fromDisplayUnits, presentBucket } from './packages.ts';

describe('package buckets', () => {
  it('HOME-01 shows remaining minutes and megabytes rounded down, and the bar adds up', () => {
    const voice = presentBucket('voice', { total: fromDisplayUnits('voice', 500), used: 61n });
    expect(voice).toEqual({ unit: 'min', total: 500, remaining: 498, used: 2 });
    const data = presentBucket('data', { total: fromDisplayUnits('data', 1024), used: 1n });
    expect(data.remaining).toBe(1023);
    expect(data.used + data.remaining).toBe(data.total);
  });

  it('HOME-01 never shows a negative remainder when usage ran past the package', () => {
    expect(presentBucket('sms', { total: 100n, used: 150n })).toEqual({
      unit: 'sms',
      total: 100,
      remaining: 0,
      used: 100,
    });
  });
});
