/**
 * PAY-04 autopay limits: the subscriber caps how much autopay may take from their card per day and per month.
 * The sum counts every autopayment of the account (paid or in flight) in the operator's calendar day and month,
 * so two rules cannot together exceed what either allows.
 */

export interface LimitCheckInput {
  amount: bigint;
  dailyLimit: bigint | null;
  monthlyLimit: bigint | null;
  /** Autopayments of the account today (succeeded or pending), kopecks. */
  spentToday: bigint;
  /** Autopayments of the account this month (succeeded or pending), kopecks. */
  spentThisMonth: bigint;
}

/** `null` when the autopayment fits both limits, else which limit it would exceed. */
export function exceededLimit(input: LimitCheckInput): 'daily' | 'monthly' | null {
  if (input.dailyLimit !== null && input.spentToday + input.amount > input.dailyLimit) return 'daily';
  if (input.monthlyLimit !== null && input.spentThisMonth + input.amount > input.monthlyLimit)
    return 'monthly';
  return null;
}
