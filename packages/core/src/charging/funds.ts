/**
 * RATE-04 balance rules as pure decisions: a line may go on while the account's available funds (balance plus
 * credit limit) are not below zero; below it, a grace period runs, then outgoing service is blocked; when funds
 * recover, a line blocked for debt is unblocked at once.
 */

export interface FundsFacts {
  /** Kopecks; negative when the subscriber owes. */
  balance: bigint;
  /** Kopecks the account may go below zero (billing_accounts.credit_limit). */
  creditLimit: bigint;
  /** Since when funds are out, as recorded; null when they were fine. */
  outOfFundsSince: Date | null;
  now: Date;
  graceHours: number;
}

export interface FundsDecision {
  /** Funds are below the floor now. */
  outOfFunds: boolean;
  /** What to record as `out_of_funds_since`. */
  since: Date | null;
  /** Funds just ran out (the subscriber is warned, the grace starts). */
  justRanOut: boolean;
  /** When the lines are (or were) due to be blocked; null while funds are fine. */
  blockAt: Date | null;
  /** Block the account's active lines now. */
  block: boolean;
  /** Unblock the lines blocked for debt now. */
  unblock: boolean;
}

/** Available funds: what may still be spent, kopecks (negative: below the floor). */
export function availableFunds(balance: bigint, creditLimit: bigint): bigint {
  return balance + creditLimit;
}

/** Decides what the balance rules do for one account at `now`. */
export function decideFunds(f: FundsFacts): FundsDecision {
  const outOfFunds = availableFunds(f.balance, f.creditLimit) < 0n;
  if (!outOfFunds) {
    return { outOfFunds, since: null, justRanOut: false, blockAt: null, block: false, unblock: true };
  }
  const since = f.outOfFundsSince ?? f.now;
  const blockAt = new Date(since.getTime() + f.graceHours * 3_600_000);
  return {
    outOfFunds,
    since,
    justRanOut: f.outOfFundsSince === null,
    blockAt,
    block: blockAt.getTime() <= f.now.getTime(),
    unblock: false,
  };
}
