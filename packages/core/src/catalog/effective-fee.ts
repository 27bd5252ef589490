/**
 * Effective-dated prices: a tariff or option lists `priceChanges`, each taking effect at the start of a calendar
 * day in the operator's time zone. The fee due at an instant is the last change on or before that day, else
 * the item's base fee.
 */
import { toWallClock } from '../dates.ts';
import type { PriceChange } from './types.ts';

export interface PricedItem {
  fee: bigint;
  connectFee?: bigint;
  priceChanges: readonly PriceChange[];
}

/**
 * The calendar day (`YYYY-MM-DD`) of `at` in `timeZone`. Trap: `at.toISOString().slice(0, 10)` is the UTC day,
 * which for Moscow is yesterday until 03:00 — a fee charged at midnight would take the old price.
 */
export function calendarDay(at: Date, timeZone: string): string {
  const w = toWallClock(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

function latest(
  item: PricedItem,
  at: Date,
  timeZone: string,
  pick: (c: PriceChange) => bigint | null,
): bigint | null {
  // Most items have no price change: skip the time-zone arithmetic (it is on the dashboard's hot path).
  if (item.priceChanges.length === 0) return null;
  const day = calendarDay(at, timeZone);
  let found: { from: string; value: bigint } | null = null;
  // Not assuming order: items may come from the database as well as from a checked file.
  for (const change of item.priceChanges) {
    const value = pick(change);
    if (value === null || change.from > day) continue;
    if (found === null || change.from > found.from) found = { from: change.from, value };
  }
  return found?.value ?? null;
}

/** The periodic fee of a tariff or option due at `at` (kopecks), by its price changes. */
export function effectiveFee(item: PricedItem, at: Date, timeZone: string): bigint {
  return latest(item, at, timeZone, (c) => c.fee) ?? item.fee;
}

/** The connection fee of an option due at `at` (kopecks), by its price changes; 0 when it has none. */
export function effectiveConnectFee(item: PricedItem, at: Date, timeZone: string): bigint {
  return latest(item, at, timeZone, (c) => c.connectFee) ?? item.connectFee ?? 0n;
}
