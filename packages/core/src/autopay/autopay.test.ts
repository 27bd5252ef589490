import { describe, expect, it } from 'vitest';
import { AUTOPAY_NOTICES, renderNotification } from '../notifications/render.ts';
import { exceededLimit } from './limits.ts';
import { decideLowBalance } from './low-balance.ts';
import { afterFailure, clampDay, monthKey, monthlyDue, nextMonthlyRun, thresholdDue } from './schedule.ts';
import { checkAutopaySettings, checkLowBalanceThreshold } from './settings.ts';

const TZ = 'Europe/Moscow';
/** An instant given as Moscow wall-clock time (UTC+3, no DST). */
const msk = (iso: string) => new Date(`${iso}+03:00`);

describe('autopay schedule', () => {
  it('PAY-04 a monthly autopay is due from its day (Moscow calendar), once a month', () => {
    const rule = { dayOfMonth: 15, lastPeriod: null, createdAt: msk('2026-11-01T10:00:00') };
    expect(monthlyDue(rule, msk('2026-12-14T23:59:00'), TZ)).toBe(false);
    expect(monthlyDue(rule, msk('2026-12-15T00:00:00'), TZ)).toBe(true);
    // 21:30 UTC on the 14th is already the 15th in Moscow.
    expect(monthlyDue(rule, new Date('2026-12-14T21:30:00Z'), TZ)).toBe(true);
    expect(monthlyDue({ ...rule, lastPeriod: '2026-12' }, msk('2026-12-20T12:00:00'), TZ)).toBe(false);
    expect(monthlyDue({ ...rule, lastPeriod: '2026-11' }, msk('2026-12-20T12:00:00'), TZ)).toBe(true);
  });

  it('PAY-04 day 31 falls on the last day of a short month', () => {
    expect(clampDay(2027, 2, 31)).toBe(28);
    expect(clampDay(2028, 2, 31)).toBe(29);
    expect(clampDay(2026, 4, 31)).toBe(30);
    const rule = { dayOfMonth: 31, lastPeriod: null, createdAt: msk('2027-01-01T00:00:00') };
    expect(monthlyDue(rule, msk('2027-02-27T23:00:00'), TZ)).toBe(false);
    expect(monthlyDue(rule, msk('2027-02-28T00:10:00'), TZ)).toBe(true);
    expect(nextMonthlyRun(rule, msk('2027-02-10T00:00:00'), TZ)).toEqual(msk('2027-02-28T00:00:00'));
  });

  it('PAY-04 a rule made after this month’s day starts next month; made on the day, it runs that day', () => {
    const late = { dayOfMonth: 5, lastPeriod: null, createdAt: msk('2026-12-10T12:00:00') };
    expect(monthlyDue(late, msk('2026-12-10T12:01:00'), TZ)).toBe(false);
    expect(nextMonthlyRun(late, msk('2026-12-10T12:01:00'), TZ)).toEqual(msk('2027-01-05T00:00:00'));
    expect(monthlyDue(late, msk('2027-01-05T00:00:00'), TZ)).toBe(true);
    const sameDay = { dayOfMonth: 10, lastPeriod: null, createdAt: msk('2026-12-10T18:00:00') };
    expect(monthlyDue(sameDay, msk('2026-12-10T18:01:00'), TZ)).toBe(true);
    expect(monthKey(new Date('2026-12-31T21:30:00Z'), TZ)).toBe('2027-01');
  });

  it('PAY-04 a threshold autopay fires strictly below the threshold', () => {
    expect(thresholdDue(99_99n, 100_00n)).toBe(true);
    expect(thresholdDue(100_00n, 100_00n)).toBe(false);
    expect(thresholdDue(-5_00n, 0n)).toBe(true);
  });

  it('PAY-04 failed attempts retry after 1 h, 6 h and 24 h, then the rule pauses', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    expect(afterFailure(1, now)).toEqual({ pause: false, retryAt: new Date('2026-12-04T13:00:00Z') });
    expect(afterFailure(2, now)).toEqual({ pause: false, retryAt: new Date('2026-12-04T18:00:00Z') });
    expect(afterFailure(3, now)).toEqual({ pause: false, retryAt: new Date('2026-12-05T12:00:00Z') });
    expect(afterFailure(4, now)).toEqual({ pause: true });
  });
});

describe('autopay limits', () => {
  it('PAY-04 an autopayment that would exceed the daily or monthly sum is not made', () => {
    const base = {
      amount: 500_00n,
      dailyLimit: 1000_00n,
      monthlyLimit: 3000_00n,
      spentToday: 0n,
      spentThisMonth: 0n,
    };
    expect(exceededLimit(base)).toBeNull();
    expect(exceededLimit({ ...base, spentToday: 500_00n })).toBeNull();
    expect(exceededLimit({ ...base, spentToday: 500_01n })).toBe('daily');
    expect(exceededLimit({ ...base, spentThisMonth: 2600_00n })).toBe('monthly');
    expect(
      exceededLimit({ ...base, dailyLimit: null, monthlyLimit: null, spentToday: 10n ** 9n }),
    ).toBeNull();
  });
});

describe('autopay settings', () => {
  it('PAY-04 names each bad field: amount range and kopecks, threshold, day, limits', () => {
    expect(checkAutopaySettings({ kind: 'threshold', threshold: 100_00, amount: 500_00 })).toEqual([]);
    expect(checkAutopaySettings({ kind: 'monthly', dayOfMonth: 31, amount: 15_000_00 })).toEqual([]);
    const fields = (s: Parameters<typeof checkAutopaySettings>[0]) =>
      checkAutopaySettings(s).map((p) => `${p.field}:${p.code}`);
    expect(fields({ kind: 'threshold', threshold: 100_00, amount: 99_99 })).toEqual(['amount:too_small']);
    expect(fields({ kind: 'threshold', threshold: 100_00, amount: 15_000_01 })).toEqual(['amount:too_large']);
    expect(fields({ kind: 'threshold', threshold: 100_00, amount: 500.5 })).toEqual([
      'amount:fractional_kopecks',
    ]);
    expect(fields({ kind: 'threshold', amount: 500_00 })).toEqual(['threshold:required']);
    expect(fields({ kind: 'threshold', threshold: -1, amount: 500_00 })).toEqual(['threshold:out_of_range']);
    expect(fields({ kind: 'monthly', dayOfMonth: 32, amount: 500_00 })).toEqual(['dayOfMonth:out_of_range']);
    expect(fields({ kind: 'monthly', dayOfMonth: 0, amount: 500_00 })).toEqual(['dayOfMonth:out_of_range']);
    expect(fields({ kind: 'monthly', amount: 500_00 })).toEqual(['dayOfMonth:required']);
    expect(fields({ kind: 'monthly', dayOfMonth: 3, threshold: 5, amount: 500_00 })).toEqual([
      'threshold:not_allowed',
    ]);
    expect(fields({ kind: 'threshold', threshold: 0, amount: 500_00, dailyLimit: 400_00 })).toEqual([
      'dailyLimit:below_amount',
    ]);
    expect(
      fields({ kind: 'threshold', threshold: 0, amount: 500_00, dailyLimit: 2000_00, monthlyLimit: 1000_00 }),
    ).toEqual(['monthlyLimit:below_daily_limit']);
  });

  it('PAY-09 a low-balance threshold is whole kopecks up to 15,000 ₽, or off', () => {
    expect(checkLowBalanceThreshold(null)).toBeNull();
    expect(checkLowBalanceThreshold(50_00)).toBeNull();
    expect(checkLowBalanceThreshold(0)?.code).toBe('out_of_range');
    expect(checkLowBalanceThreshold(15_000_01)?.field).toBe('threshold');
  });
});

describe('low-balance crossing', () => {
  it('PAY-09 notifies once when the balance crosses below, again only after it went back above', () => {
    const threshold = 100_00n;
    const steps: Array<[bigint, boolean]> = [
      [150_00n, false],
      [90_00n, true], // crossed below: notify
      [80_00n, false], // still below: quiet
      [100_00n, false], // back at the threshold: re-armed, no notice
      [50_00n, true], // crossed again: notify
    ];
    let wasBelow: boolean | null = null;
    for (const [balance, notify] of steps) {
      const d = decideLowBalance({ balance, threshold, wasBelow });
      expect(d.notify).toBe(notify);
      wasBelow = d.below;
    }
    expect(decideLowBalance({ balance: 0n, threshold: null, wasBelow: true })).toEqual({
      below: false,
      notify: false,
      changed: true,
    });
    expect(decideLowBalance({ balance: 500_00n, threshold: 100_00n, wasBelow: null }).changed).toBe(false);
  });
});

describe('autopay notices', () => {
  it('PAY-04 PAY-09 autopay and low-balance notices say what happened, in Russian and English', () => {
    const paid = { notice: 'autopay_paid', amount: 500_00, card: 'Visa •• 4242' };
    expect(renderNotification('top_ups', paid, 'ru').body).toBe(
      'Автоплатёж 500,00 ₽ с карты Visa •• 4242 выполнен.',
    );
    expect(renderNotification('top_ups', paid, 'en').body).toBe(
      'Autopay of 500,00 ₽ from card Visa •• 4242 done.',
    );
    const failed = {
      notice: 'autopay_failed',
      amount: 500_00,
      card: 'Visa •• 4242',
      date: '04.12.2026 16:00',
    };
    expect(renderNotification('top_ups', failed, 'ru').body).toContain('Повторим 04.12.2026 16:00');
    expect(
      renderNotification(
        'low_balance',
        { notice: 'low_balance_threshold', balance: 40_00, threshold: 100_00 },
        'ru',
      ).body,
    ).toBe('На счёте 40,00 ₽ — меньше заданного порога 100,00 ₽. Пополните баланс.');
    for (const notice of AUTOPAY_NOTICES) {
      const event = notice === 'low_balance_threshold' ? 'low_balance' : 'top_ups';
      const ru = renderNotification(event, { notice }, 'ru');
      expect(ru.title).not.toBe(renderNotification(event, { notice }, 'en').title);
      expect(ru.body).not.toBe(renderNotification(event, {}, 'ru').body);
    }
  });
});
