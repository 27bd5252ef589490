import { describe, expect, it } from 'vitest';
import { dataPrice, smsPrice, voicePrice } from './pricing.ts';

describe('prices beyond packages', () => {
  it('RATE-02 per-minute billing charges every started minute', () => {
    expect(voicePrice(61n, 250)).toBe(500n);
    expect(voicePrice(60n, 250)).toBe(250n);
    expect(voicePrice(0n, 250)).toBe(0n);
  });

  it('RATE-02 per-second billing rounds the record once, half up, to kopecks', () => {
    // 2.90 ₽ a minute is 4.8333… kopecks a second: 7 s = 33.83 → 34, 3 s = 14.5 → 15.
    expect(voicePrice(7n, 290, 1)).toBe(34n);
    expect(voicePrice(3n, 290, 1)).toBe(15n);
  });

  it('RATE-02 data is charged per started increment and SMS per message', () => {
    // 1.5 MB at 1.50 ₽/MB billed per 100 KB: 1 536 KB → 16 steps of 100 KB = 1 600 KB = 234.375 → 234 kopecks.
    expect(dataPrice(1_572_864n, 150, 100)).toBe(234n);
    expect(dataPrice(1n, 990)).toBe(990n);
    expect(smsPrice(3n, 200)).toBe(600n);
  });
});
