/**
 * PAY-03: the numbers of vouchers in one object — what a batch may hold and how many wrong codes a person may
 * type before redemption locks. A wrong code and a used code are counted alike and answered alike, so guessing
 * learns nothing about which codes exist; fifteen random digits against five guesses an hour is out of reach.
 */
import type { Kopecks } from '../money.ts';

export const VOUCHER_RULES = {
  /** Wrong (or already used, or expired) codes per login in the window before redemption locks. */
  wrongCodesPerLogin: 5,
  /** The same per client address: several logins behind one address share it (an attacker's many accounts). */
  wrongCodesPerAddress: 20,
  windowSeconds: 60 * 60,
  /** Nominals an operator may issue: 1 ₽ – 15,000 ₽ (the top-up ceiling of PAY-01). */
  minNominal: 1_00n as Kopecks,
  maxNominal: 15_000_00n as Kopecks,
  /** Codes per `kabinet vouchers issue` run. */
  maxBatchSize: 10_000,
  /** How long a card stays valid from issue. */
  validityDays: 365,
} as const;

export type VoucherRules = typeof VOUCHER_RULES;

export type VoucherLock =
  | { locked: false; attemptsLeft: number }
  | { locked: true; retryAfterSeconds: number };

/**
 * Whether wrong codes typed in the last window lock redemption. `wrongAt` are the times of wrong codes, any
 * order; the lock lasts until the oldest one in the window leaves it, so it lifts by itself.
 */
export function voucherLock(
  wrongAt: readonly Date[],
  limit: number,
  now: Date,
  windowSeconds: number,
): VoucherLock {
  const windowStart = now.getTime() - windowSeconds * 1000;
  const inWindow = wrongAt
    .map((d) => d.getTime())
    .filter((t) => t > windowStart)
    .sort((a, b) => a - b);
  if (inWindow.length < limit) return { locked: false, attemptsLeft: limit - inWindow.length };
  // The lock lifts when enough old failures leave the window to leave one attempt.
  const freeing = inWindow[inWindow.length - limit] ?? now.getTime();
  return {
    locked: true,
    retryAfterSeconds: Math.max(1, Math.ceil((freeing + windowSeconds * 1000 - now.getTime()) / 1000)),
  };
}

export type VoucherNominalCheck =
  | { ok: true; amount: Kopecks }
  | { ok: false; problem: 'too_small' | 'too_large' };

/** A nominal an operator may print on a card. */
export function checkVoucherNominal(
  amount: bigint,
  rules: VoucherRules = VOUCHER_RULES,
): VoucherNominalCheck {
  if (amount < rules.minNominal) return { ok: false, problem: 'too_small' };
  if (amount > rules.maxNominal) return { ok: false, problem: 'too_large' };
  return { ok: true, amount: amount as Kopecks };
}
