/**
 * PAY-04 autopay timing: when a rule is due (threshold crossed, day of the month reached), which month an
 * autopayment belongs to, and when a failed attempt is retried. Calendar days are the operator's time zone;
 * a day of the month that a month lacks (31 in April) falls on its last day.
 */
import { daysInMonth, fromWallClock, toWallClock } from '../dates.ts';

/** Delays of the retries after a failed attempt: +1 h, +6 h, +24 h; after the last one fails the rule pauses. */
export const AUTOPAY_RETRY_DELAYS_MS: readonly number[] = [3_600_000, 6 * 3_600_000, 24 * 3_600_000];

/** `YYYY-MM` of the month `instant` falls in, in `timeZone`: the key of a monthly autopayment. */
export function monthKey(instant: Date, timeZone: string): string {
  const w = toWallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}`;
}

/** The day `day` of a month, clamped to the month's length (31 → 30 April, 28/29 February). */
export function clampDay(year: number, month: number, day: number): number {
  return Math.min(day, daysInMonth(year, month));
}

/** Midnight (in `timeZone`) that starts the autopay day of the given month. */
function scheduledStart(year: number, month: number, day: number, timeZone: string): Date {
  return fromWallClock(
    { year, month, day: clampDay(year, month, day), hour: 0, minute: 0, second: 0 },
    timeZone,
  );
}

export interface MonthlyRule {
  dayOfMonth: number;
  /** The last month (`YYYY-MM`) this rule finished: paid, or gave up after the retries. */
  lastPeriod: string | null;
  /** When the rule was made: a rule made after this month's day starts next month. */
  createdAt: Date;
}

/**
 * Whether a monthly rule is due at `now`: this month not done yet, its (clamped) day reached, and the rule
 * existed on that day (a rule made on the day itself runs the same day). A worker that was down on the day
 * catches up later in the month; it never pays a past month.
 */
export function monthlyDue(rule: MonthlyRule, now: Date, timeZone: string): boolean {
  const w = toWallClock(now, timeZone);
  if (rule.lastPeriod === monthKey(now, timeZone)) return false;
  const start = scheduledStart(w.year, w.month, rule.dayOfMonth, timeZone);
  if (now.getTime() < start.getTime()) return false;
  const day = clampDay(w.year, w.month, rule.dayOfMonth);
  // Date.UTC inside fromWallClock carries day + 1 over into the next month.
  const dayAfter = fromWallClock(
    { year: w.year, month: w.month, day: day + 1, hour: 0, minute: 0, second: 0 },
    timeZone,
  );
  return rule.createdAt.getTime() < dayAfter.getTime();
}

/** When a monthly rule will next run, for the screen: now if due, else its day this month or next. */
export function nextMonthlyRun(rule: MonthlyRule, now: Date, timeZone: string): Date {
  if (monthlyDue(rule, now, timeZone)) return now;
  const w = toWallClock(now, timeZone);
  for (let add = 0; add < 3; add++) {
    const y = w.year + Math.floor((w.month - 1 + add) / 12);
    const m = ((w.month - 1 + add) % 12) + 1;
    const start = scheduledStart(y, m, rule.dayOfMonth, timeZone);
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (start.getTime() > now.getTime() && key !== rule.lastPeriod) return start;
  }
  throw new Error('unreachable: a monthly autopay falls within three months');
}

/** A threshold rule fires while the balance is below its threshold (strictly: at the threshold it is fine). */
export function thresholdDue(balance: bigint, threshold: bigint): boolean {
  return balance < threshold;
}

export type FailureOutcome = { pause: false; retryAt: Date } | { pause: true };

/**
 * What follows the `failures`-th consecutive failed attempt (1 = the first attempt failed): a retry after the
 * next delay of `AUTOPAY_RETRY_DELAYS_MS`, or — once every retry failed too — pausing the rule.
 */
export function afterFailure(failures: number, now: Date): FailureOutcome {
  const delay = AUTOPAY_RETRY_DELAYS_MS[failures - 1];
  if (delay === undefined) return { pause: true };
  return { pause: false, retryAt: new Date(now.getTime() + delay) };
}
