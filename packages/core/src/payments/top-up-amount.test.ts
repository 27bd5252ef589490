import { describe, expect, it } from 'vitest';
import { checkTopUpKopecks, parseTopUpRubles, TOP_UP_MAX, TOP_UP_MIN } from './top-up-amount.ts';

describe('top-up amount', () => {
  it('PAY-01 accepts 100 ₽ to 15,000 ₽ in whole kopecks and nothing outside', () => {
    expect(checkTopUpKopecks(100_00)).toEqual({ ok: true, amount: TOP_UP_MIN });
    expect(checkTopUpKopecks(15_000_00)).toEqual({ ok: true, amount: TOP_UP_MAX });
    expect(checkTopUpKopecks('50000')).toEqual({ ok: true, amount: 500_00n });
    expect(checkTopUpKopecks(99_99)).toEqual({ ok: false, problem: 'too_small' });
    expect(checkTopUpKopecks(15_000_01)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkTopUpKopecks(Number.MAX_SAFE_INTEGER + 2)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('PAY-01 refuses fractional kopecks, negative and non-numeric amounts rather than rounding them', () => {
    expect(checkTopUpKopecks(500_00.5)).toEqual({ ok: false, problem: 'fractional_kopecks' });
    expect(checkTopUpKopecks('50000.5')).toEqual({ ok: false, problem: 'fractional_kopecks' });
    expect(checkTopUpKopecks(-500_00)).toEqual({ ok: false, problem: 'negative' });
    expect(checkTopUpKopecks('-50000')).toEqual({ ok: false, problem: 'negative' });
    expect(checkTopUpKopecks('5e4')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(checkTopUpKopecks(Number.NaN)).toEqual({ ok: false, problem: 'not_a_number' });
    expect(checkTopUpKopecks({})).toEqual({ ok: false, problem: 'not_a_number' });
    expect(checkTopUpKopecks(undefined)).toEqual({ ok: false, problem: 'required' });
  });

  it('PAY-01 parses roubles as typed, with a comma or a point, spaces and the rouble sign', () => {
    expect(parseTopUpRubles('500')).toEqual({ ok: true, amount: 500_00n });
    expect(parseTopUpRubles('1 500,50')).toEqual({ ok: true, amount: 1500_50n });
    expect(parseTopUpRubles('1\u00a0000.5 ₽')).toEqual({ ok: true, amount: 1000_50n });
    expect(parseTopUpRubles('150,505')).toEqual({ ok: false, problem: 'fractional_kopecks' });
    expect(parseTopUpRubles('99,99')).toEqual({ ok: false, problem: 'too_small' });
    expect(parseTopUpRubles('15000,01')).toEqual({ ok: false, problem: 'too_large' });
    expect(parseTopUpRubles('-500')).toEqual({ ok: false, problem: 'negative' });
    expect(parseTopUpRubles('сто')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseTopUpRubles('  ')).toEqual({ ok: false, problem: 'required' });
  });
});
