import type { MoneyJobDeps } from '../money-jobs/money-job.ts';

/** PAY-10 monthly invoices of postpaid accounts. PLACEHOLDER of the issue 6 groundwork: slice D implements it. */
export async function issueDueInvoices(_deps: MoneyJobDeps): Promise<number> {
  return 0;
}
