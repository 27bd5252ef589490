import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRubles, kopecks, MoneyError, parseRubles, roundToKopecks, toSafeNumber } from './money.ts';

describe('money', () => {
  it('RATE-05 refuses floats, NaN and unsafe integers before they can reach the ledger', () => {
    expect(() => kopecks(10.5)).toThrow(MoneyError);
    expect(() => kopecks(Number.NaN)).toThrow(MoneyError);
    expect(() => kopecks(2 ** 53)).toThrow(MoneyError);
    expect(() => kopecks('12.30')).toThrow(MoneyError);
    expect(kopecks(1050)).toBe(1050n);
    expect(kopecks('-250')).toBe(-250n);
  });

  it('RATE-05 parses rouble amounts exactly and refuses sub-kopeck precision', () => {
    expect(parseRubles('150')).toBe(15000n);
    expect(parseRubles('150,5')).toBe(15050n);
    expect(parseRubles('1 500,05')).toBe(150005n);
    expect(parseRubles('-0.01')).toBe(-1n);
    expect(() => parseRubles('10.005')).toThrow(MoneyError);
    expect(() => parseRubles('1e3')).toThrow(MoneyError);
  });

  it('RATE-05 parse and format round-trip for every amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (amount) => {
        expect(parseRubles(formatRubles(amount))).toBe(amount);
      }),
    );
  });

  it('RATE-02 rounds a rated price to kopecks once, half up, symmetric for refunds', () => {
    expect(roundToKopecks(1499n)).toBe(1n);
    expect(roundToKopecks(1500n)).toBe(2n);
    expect(roundToKopecks(2000n)).toBe(2n);
    expect(roundToKopecks(-1500n)).toBe(-1n);
    expect(roundToKopecks(-1501n)).toBe(-2n);
  });

  it('HOME-01 converts to JSON numbers only when exact', () => {
    expect(toSafeNumber(123456n)).toBe(123456);
    expect(() => toSafeNumber(2n ** 60n)).toThrow(MoneyError);
  });
});
