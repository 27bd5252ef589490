/**
 * PAY-09 low-balance notice: the subscriber sets a threshold; when the balance crosses below it they are told
 * once, and again only after the balance has been back at or above it (no notice on every charge while low).
 */

export interface LowBalanceInput {
  balance: bigint;
  /** Null: the subscriber has not set a threshold (or switched it off). */
  threshold: bigint | null;
  /** Whether the account was already below (and notified) — null when nothing is recorded yet. */
  wasBelow: boolean | null;
}

export interface LowBalanceDecision {
  /** The state to record (whether the account is below its threshold now). */
  below: boolean;
  /** Send the `low_balance` notice now: it just crossed below. */
  notify: boolean;
  /** The recorded state differs from `below` (the fast path skips the rest when false). */
  changed: boolean;
}

export function decideLowBalance(input: LowBalanceInput): LowBalanceDecision {
  const below = input.threshold !== null && input.balance < input.threshold;
  const was = input.wasBelow ?? false;
  return { below, notify: below && !was, changed: below !== was };
}
