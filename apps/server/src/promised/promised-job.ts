import type { MoneyJobDeps } from '../money-jobs/money-job.ts';

/** PAY-05 reminders and automatic debit of promised payments when due. PLACEHOLDER of the issue 6 groundwork: slice P implements it. */
export async function runPromisedPaymentJobs(_deps: MoneyJobDeps): Promise<number> {
  return 0;
}
