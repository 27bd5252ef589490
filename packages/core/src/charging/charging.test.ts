import { describe, expect, it } from 'vitest';
import { addDays, duePeriods, periodEnd } from './calendar.ts';
import { decideFunds } from './funds.ts';
import { decideInactivity, type InactivityFacts, type InactivityStep } from './inactivity.ts';
import { DEFAULT_INACTIVITY_RULES, inactivityRulesFrom } from './rules.ts';

const TZ = 'Europe/Moscow';
const msk = (s: string) => new Date(`${s}+03:00`);

describe('RATE-03 periods in the operator time zone', () => {
  it('RATE-03 lists each missed daily period once, at Moscow midnights', () => {
    const periods = duePeriods(msk('2026-03-01T00:00:00'), msk('2026-03-03T10:00:00'), 'day', 1, TZ);
    expect(periods.map((p) => p.start.toISOString())).toEqual([
      '2026-02-28T21:00:00.000Z',
      '2026-03-01T21:00:00.000Z',
      '2026-03-02T21:00:00.000Z',
    ]);
    expect(periods[2]?.end.toISOString()).toBe('2026-03-03T21:00:00.000Z');
  });

  it('RATE-03 monthly periods follow the anchor day, clamped to short months', () => {
    const periods = duePeriods(msk('2026-01-31T00:00:00'), msk('2026-03-31T00:00:00'), 'month', 31, TZ);
    expect(periods.map((p) => p.start.toISOString())).toEqual([
      '2026-01-30T21:00:00.000Z',
      '2026-02-27T21:00:00.000Z',
      '2026-03-30T21:00:00.000Z',
    ]);
  });

  it('RATE-03 nothing is due before the first period starts', () => {
    expect(duePeriods(msk('2026-03-02T00:00:00'), msk('2026-03-01T23:59:59'), 'day', 1, TZ)).toEqual([]);
  });

  it('RATE-03 a day across a DST change is one period, not 24 hours', () => {
    const berlin = 'Europe/Berlin';
    const start = new Date('2026-03-28T23:00:00Z'); // 29 March 00:00 CET
    expect(periodEnd(start, 'day', 1, berlin).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(addDays(start, 1, berlin).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('RATE-04 balance rules', () => {
  const now = new Date('2026-05-10T12:00:00Z');

  it('RATE-04 funds within the credit limit are not out', () => {
    const d = decideFunds({
      balance: -500_00n,
      creditLimit: 500_00n,
      outOfFundsSince: null,
      now,
      graceHours: 24,
    });
    expect(d).toMatchObject({ outOfFunds: false, block: false, unblock: true, since: null });
  });

  it('RATE-04 below the floor starts the grace, then blocks when it has passed', () => {
    const first = decideFunds({ balance: -1n, creditLimit: 0n, outOfFundsSince: null, now, graceHours: 24 });
    expect(first).toMatchObject({ outOfFunds: true, justRanOut: true, block: false, since: now });
    expect(first.blockAt?.toISOString()).toBe('2026-05-11T12:00:00.000Z');
    const later = new Date(now.getTime() + 24 * 3_600_000);
    const second = decideFunds({
      balance: -1n,
      creditLimit: 0n,
      outOfFundsSince: now,
      now: later,
      graceHours: 24,
    });
    expect(second).toMatchObject({ justRanOut: false, block: true });
  });

  it('RATE-04 a zero grace blocks at once', () => {
    const d = decideFunds({
      balance: -600_00n,
      creditLimit: 500_00n,
      outOfFundsSince: null,
      now,
      graceHours: 0,
    });
    expect(d.block).toBe(true);
  });
});

describe('PLAN-07 inactivity rules', () => {
  const activation = msk('2026-01-01T12:00:00');
  const facts = (over: Partial<InactivityFacts>): InactivityFacts => ({
    now: activation,
    status: 'active',
    activitySince: activation,
    topUpSince: activation,
    nonPositiveSince: null,
    closedAt: null,
    released: false,
    warned: new Set<InactivityStep>(),
    ...over,
  });
  const rules = DEFAULT_INACTIVITY_RULES;

  it('PLAN-07 warns 7 days before the 90-day block, then blocks on day 90', () => {
    const early = decideInactivity(facts({ now: addDays(activation, 82, TZ) }), rules, TZ);
    expect(early.warnings).toEqual([]);
    const warn = decideInactivity(facts({ now: addDays(activation, 83, TZ) }), rules, TZ);
    expect(warn.warnings.map((w) => w.step)).toEqual(['block']);
    expect(warn.block).toBe(false);
    const due = decideInactivity(
      facts({ now: addDays(activation, 90, TZ), warned: new Set(['block']) }),
      rules,
      TZ,
    );
    expect(due.block).toBe(true);
  });

  it('PLAN-07 a step never warned is warned now and taken later', () => {
    const plan = decideInactivity(facts({ now: addDays(activation, 200, TZ) }), rules, TZ);
    expect(plan.block).toBe(false);
    expect(plan.feeFrom).toBeNull();
    expect(plan.warnings.map((w) => w.step)).toEqual(['block', 'fee']);
  });

  it('PLAN-07 the 3 ₽/day fee is due from day 121 after the last top-up', () => {
    const plan = decideInactivity(
      facts({ now: addDays(activation, 125, TZ), status: 'blocked', warned: new Set(['fee']) }),
      rules,
      TZ,
    );
    expect(plan.feeFrom?.toISOString()).toBe(msk('2026-05-02T00:00:00').toISOString());
    expect(rules.feePerDay).toBe(300n);
  });

  it('PLAN-07 closes after 180 days at zero or below, releases the number 2 months later', () => {
    const since = msk('2026-02-01T00:00:00');
    const close = decideInactivity(
      facts({
        now: addDays(since, 180, TZ),
        nonPositiveSince: since,
        warned: new Set(['close', 'block', 'fee']),
      }),
      rules,
      TZ,
    );
    expect(close.close).toBe(true);
    const closedAt = addDays(since, 180, TZ);
    const notYet = decideInactivity(
      facts({ now: addDays(closedAt, 59, TZ), status: 'closed', closedAt, warned: new Set(['release']) }),
      rules,
      TZ,
    );
    expect(notYet.release).toBe(false);
    const release = decideInactivity(
      facts({ now: addDays(closedAt, 60, TZ), status: 'closed', closedAt, warned: new Set(['release']) }),
      rules,
      TZ,
    );
    expect(release.release).toBe(true);
    expect(release.feeFrom).toBeNull();
  });

  it('PLAN-07 rules are configurable; invalid fields keep the defaults', () => {
    const r = inactivityRulesFrom({ block_after_days: 30, fee_per_day: 500, close_after_days: -1 });
    expect(r).toMatchObject({ blockAfterDays: 30, feePerDay: 500n, closeAfterDays: 180, feeAfterDays: 120 });
  });
});
