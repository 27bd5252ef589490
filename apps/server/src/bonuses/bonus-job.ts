import type { MoneyJobDeps } from '../money-jobs/money-job.ts';

/** BONUS-01 points for spending, expiry. PLACEHOLDER of the issue 6 groundwork: slice E implements it. */
export async function runBonusJobs(_deps: MoneyJobDeps): Promise<number> {
  return 0;
}
