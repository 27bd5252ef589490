import { describe, expect, it } from 'vitest';
import { pointsShortfall, redeemRefusal } from './eligibility.ts';
import { renderBonusNotice } from './notice.ts';
import {
  checkBonusRules,
  DEFAULT_BONUS_RULES,
  pointsExpireAt,
  pointsToExpire,
  previousMonth,
  DEFAULT_BONUS_RULES as R,
  spendingPoints,
  topUpPoints,
} from './rules.ts';

const MSK = 'Europe/Moscow';

describe('bonus rules', () => {
  it('BONUS-01 accepts the default rules and names every rule an operator set out of bounds', () => {
    expect(checkBonusRules(DEFAULT_BONUS_RULES)).toEqual([]);
    const problems = checkBonusRules({
      topUpKopecksPerPoint: 0n,
      topUpSources: ['card', 'transfer'],
      spendingKopecksPerPoint: 100_000_01n,
      spendingAccountCodes: [],
      expiryMonths: 121,
      expiringSoonDays: 0,
    });
    expect(problems.map((p) => p.field)).toEqual([
      'topUpKopecksPerPoint',
      'spendingKopecksPerPoint',
      'topUpSources',
      'spendingAccountCodes',
      'expiryMonths',
      'expiringSoonDays',
    ]);
    expect(problems[2]?.message).toContain('transfer');
    expect(
      checkBonusRules({ ...DEFAULT_BONUS_RULES, spendingAccountCodes: ['revenue:usage', 'clearing:cash'] }),
    ).toEqual([
      { field: 'spendingAccountCodes', message: expect.stringContaining('unknown: clearing:cash') },
    ]);
  });

  it('BONUS-01 gives a point per 10 ₽ topped up, rounded down, for card, autopay, voucher, cash and bank', () => {
    expect(topUpPoints(R, 'card', 500_00n)).toBe(50);
    expect(topUpPoints(R, 'voucher', 109_99n)).toBe(10);
    expect(topUpPoints(R, 'autopay', 9_99n)).toBe(0);
    for (const source of ['cash', 'bank']) expect(topUpPoints(R, source, 100_00n)).toBe(10);
  });

  it('BONUS-01 gives no points for transfers and promised payments even if the rules list them', () => {
    const loose = { ...R, topUpSources: [...R.topUpSources, 'transfer', 'promised'] };
    expect(topUpPoints(loose, 'transfer', 1000_00n)).toBe(0);
    expect(topUpPoints(loose, 'promised', 1000_00n)).toBe(0);
    expect(topUpPoints({ ...R, topUpSources: ['card'] }, 'voucher', 1000_00n)).toBe(0);
  });

  it('BONUS-01 follows the configured rate', () => {
    expect(topUpPoints({ ...R, topUpKopecksPerPoint: 1_00n }, 'card', 123_45n)).toBe(123);
    expect(spendingPoints({ ...R, spendingKopecksPerPoint: 50_00n }, 149_99n)).toBe(2);
  });

  it('BONUS-01 gives a point per 20 ₽ spent in a month, nothing for nothing', () => {
    expect(spendingPoints(R, 450_00n)).toBe(22);
    expect(spendingPoints(R, 19_99n)).toBe(0);
    expect(spendingPoints(R, 0n)).toBe(0);
    expect(spendingPoints(R, -100_00n)).toBe(0);
  });

  it('BONUS-01 takes the previous calendar month in the operator time zone', () => {
    // 1 March 00:30 in Moscow is still 28 February in UTC: February is the month that ended.
    const m = previousMonth(new Date('2026-02-28T21:30:00Z'), MSK);
    expect(m.key).toBe('2026-02');
    expect(m.start.toISOString()).toBe('2026-01-31T21:00:00.000Z');
    expect(m.end.toISOString()).toBe('2026-02-28T21:00:00.000Z');
    expect(previousMonth(new Date('2026-01-15T10:00:00Z'), MSK).key).toBe('2025-12');
  });

  it('BONUS-01 expires points 12 months after they were earned, the day clamped to the month', () => {
    expect(pointsExpireAt(R, new Date('2026-03-10T09:00:00Z'), MSK).toISOString()).toBe(
      '2027-03-10T09:00:00.000Z',
    );
    expect(pointsExpireAt(R, new Date('2028-02-29T09:00:00Z'), MSK).toISOString()).toBe(
      '2029-02-28T09:00:00.000Z',
    );
    expect(
      pointsExpireAt({ ...R, expiryMonths: 3 }, new Date('2026-11-30T09:00:00Z'), MSK).toISOString(),
    ).toBe('2027-02-28T09:00:00.000Z');
  });

  it('BONUS-01 expires only what spending has not used, oldest points first', () => {
    expect(pointsToExpire(100, 0)).toBe(100);
    expect(pointsToExpire(100, 30)).toBe(70);
    expect(pointsToExpire(100, 150)).toBe(0);
    expect(pointsToExpire(0, 0)).toBe(0);
  });
});

describe('reward eligibility', () => {
  const ok = {
    rewardActive: true,
    cost: 150,
    balance: 200,
    needsMobileLine: true,
    targetKind: 'mobile',
    targetStatus: 'active',
  };

  it('BONUS-02 allows a reward the balance covers', () => {
    expect(redeemRefusal(ok)).toBeNull();
    expect(redeemRefusal({ ...ok, balance: 150 })).toBeNull();
    expect(redeemRefusal({ ...ok, targetStatus: 'blocked' })).toBeNull();
  });

  it('BONUS-02 refuses without enough points and says how many are missing', () => {
    expect(redeemRefusal({ ...ok, balance: 149 })).toBe('not_enough_points');
    expect(pointsShortfall(149, 150)).toBe(1);
    expect(pointsShortfall(500, 150)).toBe(0);
  });

  it('BONUS-02 refuses a withdrawn reward, a closed line and a package on a home line', () => {
    expect(redeemRefusal({ ...ok, rewardActive: false })).toBe('reward_unavailable');
    expect(redeemRefusal({ ...ok, targetStatus: 'closed' })).toBe('line_not_eligible');
    expect(redeemRefusal({ ...ok, targetKind: 'home_internet' })).toBe('line_not_eligible');
    expect(redeemRefusal({ ...ok, targetKind: 'home_internet', needsMobileLine: false })).toBeNull();
  });

  it('BONUS-02 words the redemption notices in both languages', () => {
    const p = { points: 150, reward_ru: '100 минут', reward_en: '100 minutes', number: '+7 900 123-45-67' };
    expect(renderBonusNotice('bonus_redeemed', p, 'ru').body).toBe(
      'Списано 150 баллов: «100 минут» для номера +7 900 123-45-67.',
    );
    expect(renderBonusNotice('bonus_redeemed', { ...p, number: '' }, 'en').body).toBe(
      '150 points spent: “100 minutes”.',
    );
    expect(renderBonusNotice('bonus_gift', p, 'en').title).toBe('A bonus gift');
  });
});
