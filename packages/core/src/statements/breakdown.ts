/**
 * PAY-08: spending by category for a period, and the month-to-month comparison. Amounts are kopecks (bigint);
 * shares are computed once here so the chart, the table and the API agree.
 */
import { SPENDING_CATEGORIES, type SpendingCategory } from './categories.ts';

export type CategoryAmounts = Record<SpendingCategory, bigint>;

/** Zero for every category, in the fixed order of `SPENDING_CATEGORIES`. */
export function emptyAmounts(): CategoryAmounts {
  return Object.fromEntries(SPENDING_CATEGORIES.map((c) => [c, 0n])) as CategoryAmounts;
}

/** Adds categorised amounts (e.g. the rows of an SQL aggregate) into one total per category. */
export function sumByCategory(
  rows: Iterable<{ category: SpendingCategory; amount: bigint }>,
): CategoryAmounts {
  const out = emptyAmounts();
  for (const r of rows) out[r.category] += r.amount;
  return out;
}

export interface CategoryShare {
  category: SpendingCategory;
  amount: bigint;
  /** Per mille of the total (0–1000), largest-remainder rounded so the shares of a non-empty total add up to 1000. */
  sharePermille: number;
}

/**
 * Each category with its share of the total. Rounding each share on its own can make 99.9 % or 100.1 %: the
 * largest-remainder method hands the missing per mille to the categories that lost most in rounding.
 */
export function withShares(amounts: CategoryAmounts): { total: bigint; categories: CategoryShare[] } {
  const total = SPENDING_CATEGORIES.reduce((s, c) => s + amounts[c], 0n);
  if (total <= 0n)
    return {
      total,
      categories: SPENDING_CATEGORIES.map((c) => ({ category: c, amount: amounts[c], sharePermille: 0 })),
    };
  const parts = SPENDING_CATEGORIES.map((c) => {
    const scaled = amounts[c] * 1000n;
    return { category: c, amount: amounts[c], floor: scaled / total, remainder: scaled % total };
  });
  let missing = 1000n - parts.reduce((s, p) => s + p.floor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : 0,
  );
  for (const p of byRemainder) {
    if (missing <= 0n) break;
    if (p.remainder === 0n) continue;
    p.floor += 1n;
    missing -= 1n;
  }
  return {
    total,
    categories: parts.map((p) => ({
      category: p.category,
      amount: p.amount,
      sharePermille: Number(p.floor),
    })),
  };
}

export interface CategoryChange {
  category: SpendingCategory;
  current: bigint;
  previous: bigint;
  /** current − previous: positive means more was spent this month. */
  delta: bigint;
  /** Change in per cent of the previous month, one decimal; null when nothing was spent then (no base). */
  deltaPercent: number | null;
}

/** Month-to-month comparison per category, and of the totals. */
export function compareMonths(
  current: CategoryAmounts,
  previous: CategoryAmounts,
): { categories: CategoryChange[]; total: Omit<CategoryChange, 'category'> } {
  const change = (cur: bigint, prev: bigint): Omit<CategoryChange, 'category'> => ({
    current: cur,
    previous: prev,
    delta: cur - prev,
    deltaPercent: prev === 0n ? null : Number(((cur - prev) * 1000n) / prev) / 10,
  });
  const sum = (a: CategoryAmounts) => SPENDING_CATEGORIES.reduce((s, c) => s + a[c], 0n);
  return {
    categories: SPENDING_CATEGORIES.map((c) => ({ category: c, ...change(current[c], previous[c]) })),
    total: change(sum(current), sum(previous)),
  };
}
