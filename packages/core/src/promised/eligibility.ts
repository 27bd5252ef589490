/**
 * PAY-05: who may take a promised payment, which amounts, for what fee and until when. Pure: the server loads
 * the facts, these rules decide, so the web screen, the API and USSD `*106#` can never disagree.
 */
import type { PromisedRules } from './rules.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Why a promised payment is refused; each is worded in RU/EN on the screen and on USSD. */
export const PROMISED_REFUSALS = [
  'postpaid',
  'line_closed',
  'line_blocked',
  'tenure_too_short',
  'low_top_ups',
  'unpaid_promised',
] as const;
export type PromisedRefusal = (typeof PROMISED_REFUSALS)[number];

/** What the decision needs to know about the line and its account. */
export interface PromisedFacts {
  paymentType: 'prepaid' | 'postpaid';
  lineStatus: 'active' | 'blocked' | 'suspended' | 'closed';
  blockReason: string | null;
  activatedAt: Date;
  /** Sum of real top-ups (not promised payments) over the rules' window, kopecks. */
  topUpsInWindow: bigint;
  /** The account has a promised payment not yet debited back. */
  hasUnpaid: boolean;
}

export interface PromisedOption {
  amount: bigint;
  fee: bigint;
}

export interface PromisedDecision {
  eligible: boolean;
  /** Every reason that applies, in the order of `PROMISED_REFUSALS`; empty when eligible. */
  refusals: PromisedRefusal[];
  /** The amounts on offer with their fees; empty when not eligible. */
  options: PromisedOption[];
  tenureDays: number;
  averageTopUps: bigint;
  /** When a promised payment taken now is debited back. */
  dueAt: Date;
}

/** Whole days the line has been active at `now`. */
export function tenureDays(activatedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - activatedAt.getTime()) / DAY_MS));
}

/** Where the averaged window starts: `windowMonths` 30-day months before `now`. */
export function topUpWindowStart(rules: PromisedRules, now: Date): Date {
  return new Date(now.getTime() - rules.windowMonths * 30 * DAY_MS);
}

/** Average monthly top-ups over the window, rounded down to a kopeck. */
export function averageMonthlyTopUps(total: bigint, rules: PromisedRules): bigint {
  return total > 0n ? total / BigInt(rules.windowMonths) : 0n;
}

/** The fee of an amount: the highest step the amount is above; free below every step. */
export function promisedFee(amount: bigint, rules: PromisedRules): bigint {
  let fee = 0n;
  for (const step of rules.fees) if (amount > step.above) fee = step.fee;
  return fee;
}

/** The amounts the average monthly top-ups earn, with their fees (ascending). */
export function offeredAmounts(averageTopUps: bigint, rules: PromisedRules): PromisedOption[] {
  return rules.offers
    .filter((o) => averageTopUps >= o.minAverage)
    .map((o) => ({ amount: o.amount, fee: promisedFee(o.amount, rules) }));
}

/** The automatic debit of a promised payment taken at `takenAt`. */
export function promisedDueAt(takenAt: Date, rules: PromisedRules): Date {
  return new Date(takenAt.getTime() + rules.termDays * DAY_MS);
}

/** When the reminder of a promised payment due at `dueAt` goes out. */
export function promisedReminderAt(dueAt: Date, rules: PromisedRules): Date {
  return new Date(dueAt.getTime() - rules.reminderHours * HOUR_MS);
}

/**
 * Decides eligibility: prepaid only; the line not closed, and not blocked or suspended for any reason but debt
 * (a debt-blocked line is exactly who needs one); tenure; average top-ups earning at least one amount; no unpaid
 * promised payment on the account.
 */
export function decidePromised(facts: PromisedFacts, rules: PromisedRules, now: Date): PromisedDecision {
  const refusals: PromisedRefusal[] = [];
  const tenure = tenureDays(facts.activatedAt, now);
  const average = averageMonthlyTopUps(facts.topUpsInWindow, rules);
  const options = offeredAmounts(average, rules);
  if (facts.paymentType !== 'prepaid') refusals.push('postpaid');
  if (facts.lineStatus === 'closed') refusals.push('line_closed');
  else if (
    facts.lineStatus === 'suspended' ||
    (facts.lineStatus === 'blocked' && facts.blockReason !== 'debt')
  )
    refusals.push('line_blocked');
  if (tenure < rules.minTenureDays) refusals.push('tenure_too_short');
  if (options.length === 0) refusals.push('low_top_ups');
  if (facts.hasUnpaid) refusals.push('unpaid_promised');
  const eligible = refusals.length === 0;
  return {
    eligible,
    refusals,
    options: eligible ? options : [],
    tenureDays: tenure,
    averageTopUps: average,
    dueAt: promisedDueAt(now, rules),
  };
}
