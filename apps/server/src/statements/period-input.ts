/** Turns the query of the expenses and history routes into a period, with field errors naming what is wrong. */
import { daysBetweenInclusive, isDateKey, type MonthKey, monthOf } from '@kabinet/core';
import { problems } from '../http/problem.ts';
import type { ExpensePeriod } from './expenses-query.ts';

/** The longest custom period of the expenses: a year (a leap year included). */
export const MAX_PERIOD_DAYS = 366;

/** The longest range of the payment history filter: ten years, which covers any account's whole life here. */
export const HISTORY_MAX_DAYS = 3660;

/** Checks a `from`…`to` pair of days: both or neither, real dates, in order, within `maxDays`. */
export function checkedDays(
  from: string | undefined,
  to: string | undefined,
  maxDays: number = MAX_PERIOD_DAYS,
): { from: string; to: string } | null {
  if (from === undefined && to === undefined) return null;
  if (from === undefined) throw problems.field('from', 'required', '`from` is required with `to`.');
  if (to === undefined) throw problems.field('to', 'required', '`to` is required with `from`.');
  if (!isDateKey(from)) throw problems.field('from', 'invalid_date', '`from` is not a calendar date.');
  if (!isDateKey(to)) throw problems.field('to', 'invalid_date', '`to` is not a calendar date.');
  const days = daysBetweenInclusive(from, to);
  if (days < 1) throw problems.field('to', 'before_from', '`to` is before `from`.');
  if (days > maxDays) throw problems.field('to', 'period_too_long', `A period is at most ${maxDays} days.`);
  return { from, to };
}

/** The expenses period: a month, or days, or this month by default; not both a month and days. */
export function expensePeriod(
  query: { month?: string; from?: string; to?: string },
  now: Date,
  timeZone: string,
): ExpensePeriod {
  const days = checkedDays(query.from, query.to);
  if (days && query.month)
    throw problems.field('month', 'month_or_days', 'Ask for a month or for days, not both.');
  if (days) return days;
  return { month: (query.month ?? monthOf(now, timeZone)) as MonthKey };
}
