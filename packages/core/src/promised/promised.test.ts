import { describe, expect, it } from 'vitest';
import {
  promisedConfirmScreen,
  promisedPaymentScreen,
  promisedSummaryScreen,
  USSD_MAX_CHARS,
} from '../ussd/index.ts';
import {
  averageMonthlyTopUps,
  decidePromised,
  offeredAmounts,
  type PromisedFacts,
  promisedDueAt,
  promisedFee,
  promisedReminderAt,
} from './eligibility.ts';
import { promisedRulesFrom, DEFAULT_PROMISED_RULES as RULES } from './rules.ts';
import { walkPromisedUssd } from './ussd.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-12-04T12:00:00Z');
const facts = (over: Partial<PromisedFacts> = {}): PromisedFacts => ({
  paymentType: 'prepaid',
  lineStatus: 'active',
  blockReason: null,
  activatedAt: new Date(NOW.getTime() - 400 * DAY),
  topUpsInWindow: 1800_00n,
  hasUnpaid: false,
  ...over,
});
const amounts = (list: { amount: bigint }[]) => list.map((o) => Number(o.amount / 100n));

describe('promised payment rules', () => {
  it('PAY-05 offers the amounts the average monthly top-ups of 3 months earn', () => {
    expect(averageMonthlyTopUps(1800_00n, RULES)).toBe(600_00n);
    expect(amounts(offeredAmounts(99_99n, RULES))).toEqual([]);
    expect(amounts(offeredAmounts(100_00n, RULES))).toEqual([50, 100]);
    expect(amounts(offeredAmounts(600_00n, RULES))).toEqual([50, 100, 200, 300]);
    expect(amounts(offeredAmounts(1500_00n, RULES))).toEqual([50, 100, 200, 300, 500, 800]);
  });

  it('PAY-05 charges no fee up to 100 ₽, then 10, 25 and 50 ₽ by amount', () => {
    expect(promisedFee(50_00n, RULES)).toBe(0n);
    expect(promisedFee(100_00n, RULES)).toBe(0n);
    expect(promisedFee(200_00n, RULES)).toBe(10_00n);
    expect(promisedFee(300_00n, RULES)).toBe(10_00n);
    expect(promisedFee(500_00n, RULES)).toBe(25_00n);
    expect(promisedFee(800_00n, RULES)).toBe(50_00n);
  });

  it('PAY-05 is due 3 days after taking, reminded a day before', () => {
    const due = promisedDueAt(NOW, RULES);
    expect(due.toISOString()).toBe('2026-12-07T12:00:00.000Z');
    expect(promisedReminderAt(due, RULES).toISOString()).toBe('2026-12-06T12:00:00.000Z');
  });

  it('PAY-05 an eligible prepaid line gets the options with fees and the due date', () => {
    const d = decidePromised(facts(), RULES, NOW);
    expect(d).toMatchObject({ eligible: true, refusals: [], tenureDays: 400, averageTopUps: 600_00n });
    expect(d.options).toEqual([
      { amount: 50_00n, fee: 0n },
      { amount: 100_00n, fee: 0n },
      { amount: 200_00n, fee: 10_00n },
      { amount: 300_00n, fee: 10_00n },
    ]);
    expect(d.dueAt).toEqual(promisedDueAt(NOW, RULES));
  });

  it('PAY-05 refuses with every reason that applies and offers nothing then', () => {
    const d = decidePromised(
      facts({
        paymentType: 'postpaid',
        activatedAt: new Date(NOW.getTime() - 59 * DAY),
        topUpsInWindow: 0n,
        hasUnpaid: true,
      }),
      RULES,
      NOW,
    );
    expect(d.eligible).toBe(false);
    expect(d.refusals).toEqual(['postpaid', 'tenure_too_short', 'low_top_ups', 'unpaid_promised']);
    expect(d.options).toEqual([]);
    expect(
      decidePromised(facts({ activatedAt: new Date(NOW.getTime() - 60 * DAY) }), RULES, NOW).eligible,
    ).toBe(true);
  });

  it('PAY-05 a line blocked for debt may take one; other blocks, suspension and closed lines may not', () => {
    expect(decidePromised(facts({ lineStatus: 'blocked', blockReason: 'debt' }), RULES, NOW).eligible).toBe(
      true,
    );
    for (const [lineStatus, blockReason, code] of [
      ['blocked', 'lost', 'line_blocked'],
      ['blocked', 'inactivity', 'line_blocked'],
      ['suspended', 'voluntary', 'line_blocked'],
      ['closed', null, 'line_closed'],
    ] as const) {
      expect(decidePromised(facts({ lineStatus, blockReason }), RULES, NOW).refusals).toEqual([code]);
    }
  });

  it('PAY-05 operator overrides replace fields; invalid ones keep the defaults', () => {
    const rules = promisedRulesFrom({
      term_days: 5,
      min_tenure_days: 30,
      offers: [
        { amount: 300_00, min_average: 0 },
        { amount: 100_00, min_average: 0 },
      ],
      fees: 'free',
      reminder_hours: -1,
    });
    expect(rules).toMatchObject({ termDays: 5, minTenureDays: 30, reminderHours: 24, windowMonths: 3 });
    expect(rules.fees).toEqual(RULES.fees);
    expect(amounts(offeredAmounts(0n, rules))).toEqual([100, 300]);
    expect(promisedDueAt(NOW, rules).getTime() - NOW.getTime()).toBe(5 * DAY);
    expect(promisedRulesFrom({ term_days: 0, offers: [{ amount: -5, min_average: 0 }] })).toMatchObject({
      termDays: 3,
      offers: RULES.offers,
    });
    expect(promisedRulesFrom(null)).toEqual(RULES);
  });
});

describe('promised payment over USSD *106#', () => {
  it('PAY-05 walks offers → amount → take or cancel; wrong choices ask again', () => {
    expect(walkPromisedUssd([], 3)).toEqual({ step: 'offers', invalid: false });
    expect(walkPromisedUssd(['4'], 3)).toEqual({ step: 'offers', invalid: true });
    expect(walkPromisedUssd(['0'], 3)).toEqual({ step: 'offers', invalid: true });
    expect(walkPromisedUssd(['2'], 3)).toEqual({ step: 'confirm', index: 1, invalid: false });
    expect(walkPromisedUssd(['9', '2'], 3)).toEqual({ step: 'confirm', index: 1, invalid: false });
    expect(walkPromisedUssd(['2', '7'], 3)).toEqual({ step: 'confirm', index: 1, invalid: true });
    expect(walkPromisedUssd(['2', '1'], 3)).toEqual({ step: 'take', index: 1 });
    expect(walkPromisedUssd(['3', '2'], 3)).toEqual({ step: 'cancel' });
  });

  it('PAY-05 every *106# screen fits 182 characters in both languages, even with all reasons', () => {
    const options = offeredAmounts(1_000_000_00n, RULES);
    for (const lang of ['ru', 'en'] as const) {
      const screens = [
        promisedPaymentScreen(lang, { kind: 'offers', termDays: 3, options }, true),
        promisedPaymentScreen(lang, {
          kind: 'refused',
          refusals: ['postpaid', 'line_blocked', 'tenure_too_short', 'low_top_ups', 'unpaid_promised'],
          minTenureDays: 60,
        }),
        promisedPaymentScreen(lang, { kind: 'active', amount: 800_00n, due: '07.12 12:00' }),
        promisedSummaryScreen(lang, { kind: 'offers', termDays: 3, options }),
        promisedConfirmScreen(lang, { amount: 800_00n, fee: 50_00n }, '07.12 12:00', true),
      ];
      for (const s of screens) expect(s.text.length).toBeLessThanOrEqual(USSD_MAX_CHARS);
      expect(screens[0]?.text).toContain('6 800');
    }
    expect(promisedPaymentScreen('ru', { kind: 'offers', termDays: 3, options }).text).toBe(
      [
        'Обещанный платёж на 3 дн.:',
        '1 50 руб.',
        '2 100 руб.',
        '3 200 руб. +10 комиссия',
        '4 300 руб. +10 комиссия',
        '5 500 руб. +25 комиссия',
        '6 800 руб. +50 комиссия',
      ].join('\n'),
    );
  });
});
