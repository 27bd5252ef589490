import { describe, expect, it } from 'vitest';
import {
  checkTransferFunds,
  checkTransferKopecks,
  checkTransferLimits,
  parseTransferRubles,
  quoteTransfer,
  TRANSFER_RULES,
  transferFee,
} from './index.ts';

describe('transfer rules', () => {
  it('PAY-06 charges 5 roubles plus 1 percent, rounded half up to a kopeck', () => {
    expect(transferFee(100_00n)).toBe(6_00n);
    expect(transferFee(1_000_00n)).toBe(15_00n);
    // 1 % of 10.50 ₽ is 10.5 kopecks → 11.
    expect(transferFee(10_50n)).toBe(5_11n);
    expect(transferFee(10_49n)).toBe(5_10n);
    expect(quoteTransfer(250_00n as never)).toEqual({ amount: 250_00n, fee: 7_50n, total: 257_50n });
  });

  it('PAY-06 accepts whole kopecks within 10-5,000 roubles and names what is wrong otherwise', () => {
    expect(checkTransferKopecks(150_00)).toEqual({ ok: true, amount: 150_00n });
    expect(checkTransferKopecks(undefined)).toEqual({ ok: false, problem: 'required' });
    expect(checkTransferKopecks('100')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(checkTransferKopecks(150.5)).toEqual({ ok: false, problem: 'fractional_kopecks' });
    expect(checkTransferKopecks(-100)).toEqual({ ok: false, problem: 'negative' });
    expect(checkTransferKopecks(0)).toEqual({ ok: false, problem: 'negative' });
    expect(checkTransferKopecks(9_99)).toEqual({ ok: false, problem: 'too_small' });
    expect(checkTransferKopecks(5_000_01)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkTransferKopecks(2 ** 60)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('PAY-06 refuses beyond the daily and monthly limits and says what is left', () => {
    const base = { sentToday: 0n, sentThisMonth: 0n };
    expect(checkTransferLimits({ ...base, amount: 1_000_00n })).toEqual({ ok: true });
    expect(
      checkTransferLimits({ amount: 1_000_00n, sentToday: 14_500_00n, sentThisMonth: 14_500_00n }),
    ).toEqual({
      ok: false,
      problem: 'daily_limit',
      left: 500_00n,
    });
    expect(checkTransferLimits({ amount: 1_000_00n, sentToday: 0n, sentThisMonth: 39_800_00n })).toEqual({
      ok: false,
      problem: 'monthly_limit',
      left: 200_00n,
    });
    expect(
      checkTransferLimits({ amount: 10_00n, sentToday: 0n, sentThisMonth: TRANSFER_RULES.monthlyLimit + 1n }),
    ).toEqual({ ok: false, problem: 'monthly_limit', left: 0n });
  });

  it('PAY-06 keeps 10 roubles on the sender balance after amount and fee', () => {
    expect(checkTransferFunds(116_00n, 106_00n)).toEqual({ ok: true });
    expect(checkTransferFunds(115_99n, 106_00n)).toEqual({ ok: false, available: 105_99n });
    expect(checkTransferFunds(5_00n, 15_00n)).toEqual({ ok: false, available: 0n });
  });

  it('PAY-06 reads the amount typed in roubles with a comma or a dot, never rounding a fraction of a kopeck', () => {
    expect(parseTransferRubles('150')).toEqual({ ok: true, amount: 150_00n });
    expect(parseTransferRubles('1 500,5')).toEqual({ ok: true, amount: 1_500_50n });
    expect(parseTransferRubles('99.99 ₽')).toEqual({ ok: true, amount: 99_99n });
    expect(parseTransferRubles('10,005')).toEqual({ ok: false, problem: 'fractional_kopecks' });
    expect(parseTransferRubles('')).toEqual({ ok: false, problem: 'required' });
    expect(parseTransferRubles('десять')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseTransferRubles('-50')).toEqual({ ok: false, problem: 'negative' });
    expect(parseTransferRubles('9,99')).toEqual({ ok: false, problem: 'too_small' });
  });
});
