import { describe, expect, it } from 'vitest';
import {
  checkVoucherNominal,
  formatVoucherCode,
  generateVoucherCode,
  luhnCheckDigit,
  normaliseVoucherCode,
  VOUCHER_RULES,
  voucherLock,
} from './index.ts';

describe('voucher codes', () => {
  it('PAY-03 generates 16-digit codes whose last digit is the Luhn check digit', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateVoucherCode();
      expect(code).toMatch(/^\d{16}$/);
      expect(normaliseVoucherCode(code)).toEqual({ ok: true, code });
    }
    // The textbook Luhn example: 7992739871 has check digit 3.
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('PAY-03 accepts a code typed with spaces, dashes or full-width digits and formats it in groups of four', () => {
    const code = generateVoucherCode(() => new Uint8Array(32).fill(7));
    expect(code.slice(0, 15)).toBe('777777777777777');
    const grouped = formatVoucherCode(code);
    expect(grouped).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(normaliseVoucherCode(` ${grouped.replaceAll('-', ' ')} `)).toEqual({ ok: true, code });
    const fullWidth = code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(normaliseVoucherCode(fullWidth)).toEqual({ ok: true, code });
  });

  it('PAY-03 refuses empty, short, lettered and mistyped codes before any lookup', () => {
    const code = generateVoucherCode();
    const typo = `${code.slice(0, 3)}${(Number(code[3]) + 1) % 10}${code.slice(4)}`;
    expect(normaliseVoucherCode('  ')).toEqual({ ok: false, problem: 'required' });
    expect(normaliseVoucherCode(code.slice(1))).toEqual({ ok: false, problem: 'invalid_format' });
    expect(normaliseVoucherCode(`${code.slice(0, 15)}A`)).toEqual({ ok: false, problem: 'invalid_format' });
    expect(normaliseVoucherCode(typo)).toEqual({ ok: false, problem: 'checksum' });
  });

  it('PAY-03 draws digits without modulo bias (bytes 250-255 are skipped)', () => {
    let calls = 0;
    const code = generateVoucherCode(() => {
      calls += 1;
      return calls === 1 ? new Uint8Array(32).fill(255) : new Uint8Array(32).fill(13);
    });
    expect(calls).toBe(2);
    expect(code.slice(0, 15)).toBe('333333333333333');
  });
});

describe('voucher limits', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it('PAY-03 counts wrong codes of the last hour and locks at the limit until the oldest leaves the window', () => {
    expect(voucherLock([], 5, now, 3600)).toEqual({ locked: false, attemptsLeft: 5 });
    const four = [minutesAgo(50), minutesAgo(40), minutesAgo(30), minutesAgo(5)];
    expect(voucherLock(four, 5, now, 3600)).toEqual({ locked: false, attemptsLeft: 1 });
    expect(voucherLock([...four, minutesAgo(1)], 5, now, 3600)).toEqual({
      locked: true,
      retryAfterSeconds: 600,
    });
    // Failures older than the window no longer count.
    expect(voucherLock([minutesAgo(61), minutesAgo(90), ...four], 5, now, 3600)).toEqual({
      locked: false,
      attemptsLeft: 1,
    });
  });

  it('PAY-03 issues nominals from 1 to 15,000 roubles only', () => {
    expect(checkVoucherNominal(500_00n)).toEqual({ ok: true, amount: 500_00n });
    expect(checkVoucherNominal(99n)).toEqual({ ok: false, problem: 'too_small' });
    expect(checkVoucherNominal(VOUCHER_RULES.maxNominal + 1n)).toEqual({ ok: false, problem: 'too_large' });
  });
});
