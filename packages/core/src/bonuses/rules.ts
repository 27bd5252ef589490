/**
 * BONUS-01 points rules, pure: how many points a top-up or a month of spending earns, when earned points
 * expire, and how many are due to expire (oldest spent first). The numbers come from the `bonus_rules` row
 * (docs/bonuses.md); `DEFAULT_BONUS_RULES` mirrors the migration's defaults for tests and documentation.
 */
import { daysInMonth, fromWallClock, toWallClock } from '../dates.ts';

export interface BonusRules {
  /** A point per this many kopecks topped up. */
  topUpKopecksPerPoint: bigint;
  /** Payment sources that earn points (never transfers or promised payments). */
  topUpSources: readonly string[];
  /** A point per this many kopecks spent in a calendar month. */
  spendingKopecksPerPoint: bigint;
  /** Codes of the operator accounts whose credits from a subscriber count as spending. */
  spendingAccountCodes: readonly string[];
  /** Months after which earned points expire. */
  expiryMonths: number;
  /** Points expiring within this many days are shown as "expiring soon". */
  expiringSoonDays: number;
}

export const DEFAULT_BONUS_RULES: BonusRules = {
  topUpKopecksPerPoint: 10_00n,
  topUpSources: ['card', 'autopay', 'voucher', 'cash', 'bank'],
  spendingKopecksPerPoint: 20_00n,
  spendingAccountCodes: ['revenue:usage', 'revenue:fees', 'revenue:content'],
  expiryMonths: 12,
  expiringSoonDays: 30,
};

/** Sources that never earn points, whatever the rules row says: they bring no money from outside. */
const NEVER_EARN: ReadonlySet<string> = new Set(['transfer', 'promised']);

/** Points for a top-up of `amount` kopecks from `source`: whole points, rounded down; 0 if it earns none. */
export function topUpPoints(rules: BonusRules, source: string, amount: bigint): number {
  if (NEVER_EARN.has(source) || !rules.topUpSources.includes(source) || amount <= 0n) return 0;
  return Number(amount / rules.topUpKopecksPerPoint);
}

/** Points for `spent` kopecks of one calendar month: whole points, rounded down. */
export function spendingPoints(rules: BonusRules, spent: bigint): number {
  if (spent <= 0n) return 0;
  return Number(spent / rules.spendingKopecksPerPoint);
}

/**
 * When points earned at `earnedAt` expire: the same wall-clock moment `expiryMonths` later in the operator's
 * zone, the day clamped to the month's length (earned on 31 March → 31 March next year; 29 Feb → 28 Feb).
 */
export function pointsExpireAt(rules: BonusRules, earnedAt: Date, timeZone: string): Date {
  const wall = toWallClock(earnedAt, timeZone);
  const months = wall.month - 1 + rules.expiryMonths;
  const year = wall.year + Math.floor(months / 12);
  const month = (months % 12) + 1;
  return fromWallClock({ ...wall, year, month, day: Math.min(wall.day, daysInMonth(year, month)) }, timeZone);
}

/** A calendar month in the operator's zone: `key` is `YYYY-MM`, `[start, end)` its instants. */
export interface CalendarMonth {
  key: string;
  start: Date;
  end: Date;
}

/** The calendar month before the one `now` falls in (operator zone): the month whose spending is due. */
export function previousMonth(now: Date, timeZone: string): CalendarMonth {
  const wall = toWallClock(now, timeZone);
  const year = wall.month === 1 ? wall.year - 1 : wall.year;
  const month = wall.month === 1 ? 12 : wall.month - 1;
  const midnight = { day: 1, hour: 0, minute: 0, second: 0 };
  return {
    key: `${year}-${String(month).padStart(2, '0')}`,
    start: fromWallClock({ year, month, ...midnight }, timeZone),
    end: fromWallClock({ year: wall.year, month: wall.month, ...midnight }, timeZone),
  };
}

/**
 * Points due to expire: earned points whose expiry has come (`earnedExpired`) that spending and earlier
 * expiries (`debited`, as a positive number) have not used up. Debits take the oldest points first, so what is
 * left of the expired earnings is `earnedExpired − debited`, never below 0.
 */
export function pointsToExpire(earnedExpired: number, debited: number): number {
  return Math.max(0, earnedExpired - debited);
}

/** Payment sources that can earn points (`transfer` and `promised` never do). */
export const EARNING_SOURCES = ['card', 'autopay', 'voucher', 'cash', 'bank'] as const;

/** Operator accounts whose credits from a subscriber can count as spending: the revenue accounts. */
export const SPENDING_ACCOUNT_CODES = [
  'revenue:usage',
  'revenue:fees',
  'revenue:content',
  'revenue:services',
] as const;

/** A rule the operator set that cannot stand: which one, and why (in English, for the console). */
export interface BonusRuleProblem {
  field: keyof BonusRules;
  message: string;
}

/**
 * BONUS-01: what an operator may set (`kabinet bonus rules set`), beyond the database's own checks: a point costs
 * between 1 kopeck and 100,000 ₽, sources and accounts come from the known sets (at least one account), points
 * expire in 1–120 months and "soon" means 1–365 days. Empty when the rules are fine.
 */
export function checkBonusRules(rules: BonusRules): BonusRuleProblem[] {
  const problems: BonusRuleProblem[] = [];
  const perPoint = (field: 'topUpKopecksPerPoint' | 'spendingKopecksPerPoint') => {
    const value = rules[field];
    if (value < 1n || value > 100_000_00n)
      problems.push({ field, message: 'must be between 0.01 and 100000 roubles a point' });
  };
  perPoint('topUpKopecksPerPoint');
  perPoint('spendingKopecksPerPoint');
  const unknownSources = rules.topUpSources.filter(
    (s) => !(EARNING_SOURCES as readonly string[]).includes(s),
  );
  if (unknownSources.length > 0)
    problems.push({
      field: 'topUpSources',
      message: `unknown or never-earning sources ${unknownSources.join(', ')}; allowed: ${EARNING_SOURCES.join(', ')}`,
    });
  const unknownCodes = rules.spendingAccountCodes.filter(
    (c) => !(SPENDING_ACCOUNT_CODES as readonly string[]).includes(c),
  );
  if (unknownCodes.length > 0 || rules.spendingAccountCodes.length === 0)
    problems.push({
      field: 'spendingAccountCodes',
      message: `one or more of ${SPENDING_ACCOUNT_CODES.join(', ')}${unknownCodes.length > 0 ? `; unknown: ${unknownCodes.join(', ')}` : ''}`,
    });
  if (!Number.isInteger(rules.expiryMonths) || rules.expiryMonths < 1 || rules.expiryMonths > 120)
    problems.push({ field: 'expiryMonths', message: 'must be a whole number of months, 1–120' });
  if (!Number.isInteger(rules.expiringSoonDays) || rules.expiringSoonDays < 1 || rules.expiringSoonDays > 365)
    problems.push({ field: 'expiringSoonDays', message: 'must be a whole number of days, 1–365' });
  return problems;
}
