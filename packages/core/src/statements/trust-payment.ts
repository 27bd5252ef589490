/**
 * PAY-10 trust payment ("доверительный платёж"): a postpaid customer raises the account's credit limit for a
 * few days, once per calendar month. It is a limit, not money: the ledger does not move; the raise is recorded,
 * journaled, shown, and taken back by the invoice job when it expires.
 */
import type { MonthKey } from './months.ts';

export const TRUST_PAYMENT_RULES = {
  /** The raise is this share of the account's credit limit (per cent)… */
  sharePercent: 50,
  /** …but at least this (kopecks): a small limit still gets a useful raise… */
  minAmount: 500_00n,
  /** …and at most this (kopecks). */
  maxAmount: 5_000_00n,
  /** How long the raise lasts, in days of 24 hours from the moment it is taken. */
  durationDays: 7,
  /** Taken at most once per calendar month (operator's zone) of the account. */
  perMonth: 1,
} as const;

export type TrustPaymentRefusal = 'not_postpaid' | 'already_active' | 'used_this_month' | 'overdue_invoice';

export interface TrustPaymentSituation {
  paymentType: 'prepaid' | 'postpaid';
  /** The account's credit limit now (kopecks), before any raise. */
  creditLimit: bigint;
  /** Whether a raise is in force now. */
  active: boolean;
  /** Months (operator's zone) in which a trust payment was taken. */
  takenInMonths: readonly MonthKey[];
  /** The current month (operator's zone). */
  month: MonthKey;
  /** Whether an invoice of the account is past its due date and unpaid. */
  overdueInvoice: boolean;
  now: Date;
}

export type TrustPaymentDecision =
  | { allowed: true; amount: bigint; expiresAt: Date }
  | { allowed: false; reason: TrustPaymentRefusal };

/** The raise a credit limit earns: the share, rounded down to whole roubles, within the minimum and maximum. */
export function trustPaymentAmount(creditLimit: bigint): bigint {
  const share = ((creditLimit * BigInt(TRUST_PAYMENT_RULES.sharePercent)) / 100n / 100n) * 100n;
  if (share < TRUST_PAYMENT_RULES.minAmount) return TRUST_PAYMENT_RULES.minAmount;
  if (share > TRUST_PAYMENT_RULES.maxAmount) return TRUST_PAYMENT_RULES.maxAmount;
  return share;
}

/** Whether the account may take a trust payment now, and if so how much and until when. The first refusal wins. */
export function decideTrustPayment(s: TrustPaymentSituation): TrustPaymentDecision {
  if (s.paymentType !== 'postpaid') return { allowed: false, reason: 'not_postpaid' };
  if (s.active) return { allowed: false, reason: 'already_active' };
  const usedThisMonth = s.takenInMonths.filter((m) => m === s.month).length;
  if (usedThisMonth >= TRUST_PAYMENT_RULES.perMonth) return { allowed: false, reason: 'used_this_month' };
  if (s.overdueInvoice) return { allowed: false, reason: 'overdue_invoice' };
  return {
    allowed: true,
    amount: trustPaymentAmount(s.creditLimit),
    expiresAt: new Date(s.now.getTime() + TRUST_PAYMENT_RULES.durationDays * 86_400_000),
  };
}
