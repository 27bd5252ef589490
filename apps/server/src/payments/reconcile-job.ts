import type { MoneyJobDeps } from '../money-jobs/money-job.ts';

/** PAY-01 reconciliation of payments left pending (acquirer timeouts). PLACEHOLDER of the issue 6 groundwork: slice A implements it. */
export async function reconcilePendingPayments(_deps: MoneyJobDeps): Promise<number> {
  return 0;
}
