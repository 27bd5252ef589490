/**
 * The fees the dashboard shows (HOME-01), priced by the same rules as the tariff screens and the fee job:
 * effective-dated price changes (OPS-03) and the line's choice on a configurable tariff (PLAN-05).
 */
import { effectiveFee, type PriceChange, tariffFeeAt } from '@kabinet/core';
import { configurableOf } from './tariff-price.ts';

/** What the dashboard's one query reads about the fees, as JSON (kopecks as text, days as `YYYY-MM-DD`). */
export interface DashboardFeeParts {
  next_fee_at: Date | null;
  tariff_fee: bigint;
  tariff_configurable: unknown;
  tariff_choice: { minutes: number; gigabytes: number; messages: number } | null;
  tariff_price_changes: Array<{ from: string; fee: string }> | null;
  /** Sum of the connected options' base periodic fees. */
  options_fee: bigint;
  /** Price changes of those options, one entry per change; null when none has any (the usual case). */
  option_price_changes: Array<{ option: string; base: string; from: string; fee: string }> | null;
}

function changesOf(list: ReadonlyArray<{ from: string; fee: string }> | null): PriceChange[] {
  return (list ?? []).map((c) => ({ from: c.from, fee: BigInt(c.fee), connectFee: null }));
}

/** What the options' price changes add to (or take from) their base fees at `at`. */
function optionChangesAt(row: DashboardFeeParts, at: Date, timeZone: string): bigint {
  const byOption = new Map<string, { base: bigint; changes: Array<{ from: string; fee: string }> }>();
  for (const c of row.option_price_changes ?? []) {
    const entry = byOption.get(c.option) ?? { base: BigInt(c.base), changes: [] };
    entry.changes.push(c);
    byOption.set(c.option, entry);
  }
  let delta = 0n;
  for (const { base, changes } of byOption.values())
    delta += effectiveFee({ fee: base, priceChanges: changesOf(changes) }, at, timeZone) - base;
  return delta;
}

/** The tariff fee due now, and the tariff plus periodic option fees due at the next fee date (if any). */
export function dashboardFees(row: DashboardFeeParts, now: Date, timeZone: string) {
  const configurable =
    typeof row.tariff_configurable === 'object' && row.tariff_configurable !== null
      ? configurableOf({ configurable: row.tariff_configurable })
      : null;
  const tariff = { fee: row.tariff_fee, priceChanges: changesOf(row.tariff_price_changes), configurable };
  const tariffFee = tariffFeeAt(tariff, row.tariff_choice, now, timeZone);
  const at = row.next_fee_at;
  const nextCharge = at
    ? tariffFeeAt(tariff, row.tariff_choice, at, timeZone) +
      row.options_fee +
      optionChangesAt(row, at, timeZone)
    : null;
  return { tariffFee, nextCharge };
}
