import type { MoneyJobDeps } from '../money-jobs/money-job.ts';

/** PAY-04 autopay by threshold and by day of month, retries with a cap. PLACEHOLDER of the issue 6 groundwork: slice B implements it. */
export async function runAutopayJobs(_deps: MoneyJobDeps): Promise<number> {
  return 0;
}
