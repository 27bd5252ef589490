/**
 * Operator rules for balances (RATE-04) and inactivity (PLAN-07), with the product's defaults. Stored as JSON per
 * key in `charging_rules`; a missing or malformed field keeps its default, so a typo cannot disable a rule.
 */

/** RATE-04: how long an account may stay below its floor before its lines are blocked. */
export interface BalanceRules {
  /** Hours between funds running out and the block (outgoing barred, incoming kept). 0 blocks at once. */
  graceHours: number;
}

/** PLAN-07 inactivity steps, in days, and the fee, in kopecks per day. */
export interface InactivityRules {
  /** No paid activity for this many days → the line is blocked. */
  blockAfterDays: number;
  /** No top-up for this many days → the daily fee is charged from the next day on. */
  feeAfterDays: number;
  /** Kopecks per day of the inactivity fee. */
  feePerDay: bigint;
  /** Zero or negative balance for this many days → the line is closed. */
  closeAfterDays: number;
  /** A closed line may be restored for this many days; then the number is released for recycling. */
  restoreDays: number;
  /** Each step is announced to the subscriber this many days before it happens. */
  warnDaysBefore: number;
}

export const DEFAULT_BALANCE_RULES: BalanceRules = { graceHours: 24 };

export const DEFAULT_INACTIVITY_RULES: InactivityRules = {
  blockAfterDays: 90,
  feeAfterDays: 120,
  feePerDay: 300n,
  closeAfterDays: 180,
  restoreDays: 60,
  warnDaysBefore: 7,
};

const count = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;

/** Reads stored balance rules; absent or invalid fields keep the defaults. */
export function balanceRulesFrom(json: unknown): BalanceRules {
  const raw = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  return { graceHours: count(raw.grace_hours, DEFAULT_BALANCE_RULES.graceHours) };
}

/** Reads stored inactivity rules (`block_after_days`, `fee_per_day` in kopecks …); invalid fields keep defaults. */
export function inactivityRulesFrom(json: unknown): InactivityRules {
  const raw = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const d = DEFAULT_INACTIVITY_RULES;
  return {
    blockAfterDays: count(raw.block_after_days, d.blockAfterDays),
    feeAfterDays: count(raw.fee_after_days, d.feeAfterDays),
    feePerDay: BigInt(count(raw.fee_per_day, Number(d.feePerDay))),
    closeAfterDays: count(raw.close_after_days, d.closeAfterDays),
    restoreDays: count(raw.restore_days, d.restoreDays),
    warnDaysBefore: count(raw.warn_days_before, d.warnDaysBefore),
  };
}
