/**
 * One pass of the periodic money jobs of issue 6, after the charging pass in the same worker (docs/jobs.md):
 * reconciliation of pending card payments, promised-payment debits, autopay, postpaid invoices, bonus points,
 * and the hourly retention of tables that only grow.
 * Each job is idempotent and keyed, so several workers and restarts charge nothing twice; one failing job is
 * logged and does not stop the others.
 */
import { runAutopayJobs } from '../autopay/autopay-job.ts';
import { runBonusJobs } from '../bonuses/bonus-job.ts';
import { retentionJob } from '../housekeeping/retention-job.ts';
import { reconcilePendingPayments } from '../payments/reconcile-job.ts';
import { runPromisedPaymentJobs } from '../promised/promised-job.ts';
import { issueDueInvoices } from '../statements/invoice-job.ts';
import type { MoneyJob, MoneyJobDeps } from './money-job.ts';

export const MONEY_JOBS: ReadonlyArray<[string, MoneyJob]> = [
  ['payment_reconciliation', reconcilePendingPayments],
  ['promised_payments', runPromisedPaymentJobs],
  ['autopay', runAutopayJobs],
  ['invoices', issueDueInvoices],
  ['bonuses', runBonusJobs],
  ['retention', retentionJob],
];

export type MoneyPassSummary = Record<string, number | { error: string }>;

export async function runMoneyJobs(deps: MoneyJobDeps): Promise<MoneyPassSummary> {
  const summary: MoneyPassSummary = {};
  for (const [name, job] of MONEY_JOBS) {
    try {
      summary[name] = await job(deps);
    } catch (err) {
      summary[name] = { error: String((err as Error).message ?? err) };
    }
  }
  if (Object.values(summary).some((v) => typeof v === 'number' && v > 0)) void deps.outbox?.kick();
  return summary;
}
