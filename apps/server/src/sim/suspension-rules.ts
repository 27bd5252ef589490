/** A tariff's voluntary suspension rule (`rates.suspension`, docs/catalog.md). */
export interface SuspensionRule {
  feePerDay: number;
  freeDays: number;
  maxDays: number;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Reads `rates.suspension` of a tariff; null when the tariff has none (or a malformed one): not available. */
export function suspensionRule(rates: Record<string, unknown>): SuspensionRule | null {
  const rule = rates.suspension;
  if (typeof rule !== 'object' || rule === null) return null;
  const {
    fee_per_day: feePerDay,
    free_days: freeDays = 0,
    max_days: maxDays,
  } = rule as Record<string, unknown>;
  if (!isCount(feePerDay) || !isCount(freeDays) || !isCount(maxDays) || maxDays < 1) return null;
  return { feePerDay, freeDays, maxDays };
}
