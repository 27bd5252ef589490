/**
 * PAY-10 periodic job, after every charging pass: issues the monthly invoices of postpaid accounts from the 1st
 * (operator's zone) for the month before, exactly once per account and month, and takes back expired trust
 * payments. Safe on several workers: invoices are keyed by (account, month), trust payments are claimed with
 * SKIP LOCKED.
 */
import { addMonths, invoiceMonthsDue, monthBounds, monthOf } from '@kabinet/core';
import { applyBalanceRules } from '../charging/balance-rules.ts';
import type { MoneyJobDeps } from '../money-jobs/money-job.ts';
import { expireTrustPayments } from './expire-trust-payments.ts';
import { issueInvoice } from './issue-invoice.ts';

/** Accounts looked at per pass: a pass stays short; the next minute continues. */
const ACCOUNTS_PER_PASS = 200;

/** Issues due invoices and expires trust payments; returns how many of both it did. */
export async function issueDueInvoices(deps: MoneyJobDeps): Promise<number> {
  const { db, now, timeZone } = deps;
  const lastMonth = addMonths(monthOf(now, timeZone), -1);
  const thisMonthStart = monthBounds(monthOf(now, timeZone), timeZone).start;
  // Only accounts still missing last month's invoice: after the 1st's run this finds nothing, on the index.
  const accounts = await db
    .selectFrom('billing_accounts as a')
    .select(['a.id', 'a.number', 'a.ledger_account_id', 'a.credit_limit', 'a.created_at'])
    .where('a.payment_type', '=', 'postpaid')
    .where('a.status', '=', 'active')
    .where('a.created_at', '<', thisMonthStart)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('invoices as i')
            .select('i.id')
            .whereRef('i.account_id', '=', 'a.id')
            .where('i.month', '=', lastMonth),
        ),
      ),
    )
    .orderBy('a.id')
    .limit(ACCOUNTS_PER_PASS)
    .execute();
  let done = 0;
  for (const a of accounts) {
    const existing = new Set(
      (await db.selectFrom('invoices').select('month').where('account_id', '=', a.id).execute()).map(
        (r) => r.month,
      ),
    );
    for (const month of invoiceMonthsDue(now, timeZone, a.created_at)) {
      if (existing.has(month)) continue;
      const issued = await db
        .transaction()
        .execute((trx) =>
          issueInvoice(
            trx,
            { id: a.id, number: a.number, ledgerAccountId: a.ledger_account_id, creditLimit: a.credit_limit },
            month,
            now,
            timeZone,
          ),
        );
      if (issued) done += 1;
    }
  }
  const lowered = await db.transaction().execute((trx) => expireTrustPayments(trx, now));
  // A lower limit may put an account out of funds: the balance rules start its clock (RATE-04).
  if (lowered.length > 0) await applyBalanceRules(db, lowered, now, { timeZone });
  return done + lowered.length;
}
