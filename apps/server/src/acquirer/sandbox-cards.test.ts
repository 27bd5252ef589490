import { describe, expect, it } from 'vitest';
import {
  cardBrand,
  cardDigits,
  parseExpiry,
  passesLuhn,
  SANDBOX_TEST_CARDS,
  sandboxCardKind,
} from './sandbox-cards.ts';

describe('sandbox test cards', () => {
  it('PAY-01 every listed test card passes the Luhn check and keeps its behaviour', () => {
    for (const card of SANDBOX_TEST_CARDS) expect(passesLuhn(card.number), card.number).toBe(true);
    expect(sandboxCardKind(cardDigits('4000 0000 0000 0002'))).toBe('decline');
    expect(sandboxCardKind(cardDigits('4000-0000-0000-3220'))).toBe('three_ds');
    expect(sandboxCardKind('5555555555554444')).toBe('success');
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('4242')).toBe(false);
  });

  it('PAY-01 reads the brand and refuses a past or malformed expiry', () => {
    expect(cardBrand('4242424242424242')).toBe('visa');
    expect(cardBrand('2200000000000004')).toBe('mir');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    const now = new Date('2026-12-04T12:00:00Z');
    expect(parseExpiry('12/26', now)).toBe('12/26');
    expect(parseExpiry('1139', now)).toBe('11/39');
    expect(parseExpiry('11/26', now)).toBeNull();
    expect(parseExpiry('13/30', now)).toBeNull();
    expect(parseExpiry('soon', now)).toBeNull();
  });
});
