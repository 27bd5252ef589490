/**
 * PAY-10: a postpaid customer takes a trust payment — the account's credit limit rises for a few days. Under the
 * account's row lock: raises past their time are taken back first, then the rules decide, then the raise is
 * recorded and added to the limit. The ledger does not move (it is a limit, not money).
 */
import { decideTrustPayment, monthOf, newId, type TrustPaymentRefusal, toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { AppError } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { expireTrustPayments } from './expire-trust-payments.ts';
import { hasOverdueInvoice, loadInvoiceRows } from './invoices-query.ts';
import { loadStatementAccount } from './statement-account.ts';

const REFUSALS: Record<TrustPaymentRefusal, { code: string; message: string }> = {
  not_postpaid: { code: 'not_postpaid', message: 'Trust payments are for postpaid contracts.' },
  already_active: { code: 'trust_payment_active', message: 'A trust payment is already in force.' },
  used_this_month: {
    code: 'trust_payment_used_this_month',
    message: 'A trust payment was already taken this month.',
  },
  overdue_invoice: { code: 'invoice_overdue', message: 'An invoice is overdue: pay it first.' },
};

export interface TakeTrustPayment {
  lineId: string;
  loginId: string;
  ip: string;
  /** The Idempotency-Key scope: the exactly-once guard. */
  scope: string;
  now: Date;
  timeZone: string;
}

/** Takes the trust payment or throws 409 with the rule that refused it; returns the raise. */
export async function takeTrustPayment(trx: Db, input: TakeTrustPayment) {
  const { accountId } = await loadStatementAccount(trx, input.lineId);
  await sql`SELECT id FROM billing_accounts WHERE id = ${accountId} FOR UPDATE`.execute(trx);
  await expireTrustPayments(trx, input.now, { accountId });
  const account = await loadStatementAccount(trx, input.lineId);
  const [taken, active, invoices] = await Promise.all([
    trx.selectFrom('trust_payments').select('month').where('account_id', '=', accountId).execute(),
    trx
      .selectFrom('trust_payments')
      .select('id')
      .where('account_id', '=', accountId)
      .where('status', '=', 'active')
      .executeTakeFirst(),
    account.paymentType === 'postpaid' ? loadInvoiceRows(trx, account) : Promise.resolve([]),
  ]);
  const month = monthOf(input.now, input.timeZone);
  const decision = decideTrustPayment({
    paymentType: account.paymentType,
    creditLimit: account.creditLimit,
    active: active !== undefined,
    takenInMonths: taken.map((t) => t.month),
    month,
    overdueInvoice: hasOverdueInvoice(invoices, input.now, input.timeZone),
    now: input.now,
  });
  if (!decision.allowed) {
    const refusal = REFUSALS[decision.reason];
    throw new AppError(409, refusal.code, refusal.message);
  }
  const id = newId('trustPayment', input.now);
  await trx
    .insertInto('trust_payments')
    .values({
      id,
      account_id: accountId,
      line_id: input.lineId,
      login_id: input.loginId,
      request_key: input.scope,
      month,
      amount: decision.amount,
      base_limit: account.creditLimit,
      taken_at: input.now,
      expires_at: decision.expiresAt,
    })
    .execute();
  await sql`UPDATE billing_accounts SET credit_limit = credit_limit + ${decision.amount} WHERE id = ${accountId}`.execute(
    trx,
  );
  const creditLimit = account.creditLimit + decision.amount;
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: input.loginId,
    loginId: input.loginId,
    channel: 'web',
    lineId: input.lineId,
    action: 'trust_payment.taken',
    ip: input.ip,
    details: {
      trustPaymentId: id,
      amount: toSafeNumber(decision.amount),
      creditLimit: toSafeNumber(creditLimit),
      expiresAt: decision.expiresAt.toISOString(),
    },
  });
  return {
    accountId,
    body: {
      id,
      amount: toSafeNumber(decision.amount),
      expiresAt: decision.expiresAt.toISOString(),
      creditLimit: toSafeNumber(creditLimit),
      available: toSafeNumber(account.balance + creditLimit),
    },
  };
}
