/** PAY-08 expense structure of a line for a period, with the comparison against the period before it. */
import {
  addDaysToDate,
  addMonths,
  compareMonths,
  dateRangeBounds,
  daysBetweenInclusive,
  type MonthKey,
  monthBounds,
  sumByCategory,
  toSafeNumber,
  withShares,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { spendingByMonth } from './spending-query.ts';
import type { StatementAccount } from './statement-account.ts';

/** A month, or any days up to a year (`YYYY-MM-DD`, inclusive). */
export type ExpensePeriod = { month: MonthKey } | { from: string; to: string };

interface Resolved {
  start: Date;
  end: Date;
  label: { month: MonthKey | null; from: string; to: string };
}

/** The period and the one before it: the previous month, or as many days just before the chosen days. */
function resolve(period: ExpensePeriod, timeZone: string): { current: Resolved; previous: Resolved } {
  if ('month' in period) {
    const previousMonth = addMonths(period.month, -1);
    const asRange = (month: MonthKey): Resolved => {
      const b = monthBounds(month, timeZone);
      const [y, m] = month.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      return { ...b, label: { month, from: `${month}-01`, to: last } };
    };
    return { current: asRange(period.month), previous: asRange(previousMonth) };
  }
  const days = daysBetweenInclusive(period.from, period.to);
  const prevTo = addDaysToDate(period.from, -1);
  const prevFrom = addDaysToDate(period.from, -days);
  return {
    current: { ...dateRangeBounds(period.from, period.to, timeZone), label: { month: null, ...period } },
    previous: {
      ...dateRangeBounds(prevFrom, prevTo, timeZone),
      label: { month: null, from: prevFrom, to: prevTo },
    },
  };
}

/**
 * Totals by category with shares, for the line's usage and the charges made for it (and the account's own
 * charges, which belong to no line), and the change per category against the previous period. Each period is
 * two aggregate queries on indexed ranges (usage, other charges), run in parallel.
 */
export async function loadExpenses(
  db: Db,
  account: StatementAccount,
  period: ExpensePeriod,
  timeZone: string,
) {
  const { current, previous } = resolve(period, timeZone);
  const scope = { ledgerAccountId: account.ledgerAccountId, lineIds: [account.lineId], onlyTheseLines: true };
  const [now, before] = await Promise.all([
    spendingByMonth(db, scope, current, timeZone),
    spendingByMonth(db, scope, previous, timeZone),
  ]);
  const currentAmounts = sumByCategory(now);
  const previousAmounts = sumByCategory(before);
  const shares = withShares(currentAmounts);
  const comparison = compareMonths(currentAmounts, previousAmounts);
  const num = (v: bigint) => toSafeNumber(v);
  return {
    period: current.label,
    previousPeriod: previous.label,
    total: num(shares.total),
    categories: shares.categories.map((c) => ({
      category: c.category,
      amount: num(c.amount),
      sharePermille: c.sharePermille,
    })),
    comparison: {
      total: {
        current: num(comparison.total.current),
        previous: num(comparison.total.previous),
        delta: num(comparison.total.delta),
        deltaPercent: comparison.total.deltaPercent,
      },
      categories: comparison.categories.map((c) => ({
        category: c.category,
        current: num(c.current),
        previous: num(c.previous),
        delta: num(c.delta),
        deltaPercent: c.deltaPercent,
      })),
    },
  };
}
