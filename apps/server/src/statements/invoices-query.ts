/** PAY-10: the postpaid account as its screen shows it — limit, what is used, trust payment, invoices. */
import {
  decideTrustPayment,
  endOfDueDate,
  invoiceStatus,
  monthOf,
  SPENDING_CATEGORIES,
  TRUST_PAYMENT_RULES,
  toSafeNumber,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import type { StatementAccount } from './statement-account.ts';

export interface InvoiceRow {
  id: string;
  number: string;
  month: string;
  periodStart: Date;
  periodEnd: Date;
  openingBalance: bigint;
  charges: Record<string, string>;
  chargesTotal: bigint;
  paymentsTotal: bigint;
  otherMovements: bigint;
  closingBalance: bigint;
  amountDue: bigint;
  creditLimit: bigint;
  dueDate: string;
  issuedAt: Date;
  /** Top-ups credited since the invoice's month ended: what paid it. */
  paidSince: bigint;
}

/** The account's invoices, newest first (or one of them), with what was paid since each. */
export async function loadInvoiceRows(
  db: Db,
  account: StatementAccount,
  invoiceId?: string,
): Promise<InvoiceRow[]> {
  const { rows } = await sql<InvoiceRow>`
    SELECT i.id, i.number, i.month, i.period_start AS "periodStart", i.period_end AS "periodEnd",
      i.opening_balance AS "openingBalance", i.charges, i.charges_total AS "chargesTotal",
      i.payments_total AS "paymentsTotal", i.other_movements AS "otherMovements",
      i.closing_balance AS "closingBalance", i.amount_due AS "amountDue", i.credit_limit AS "creditLimit",
      i.due_date AS "dueDate", i.issued_at AS "issuedAt",
      COALESCE((SELECT sum(t.amount) FROM ledger_transfers t
        WHERE t.credit_account_id = ${account.ledgerAccountId} AND t.kind = 'topup'
          AND t.created_at >= i.period_end), 0)::int8 AS "paidSince"
    FROM invoices i
    WHERE i.account_id = ${account.accountId} ${invoiceId ? sql`AND i.id = ${invoiceId}` : sql``}
    ORDER BY i.month DESC
    LIMIT 24`.execute(db);
  return rows;
}

/** One invoice for the API: amounts as safe numbers, charges in the fixed category order, status of payment. */
export function presentInvoice(row: InvoiceRow, now: Date, timeZone: string) {
  return {
    id: row.id,
    number: row.number,
    month: row.month,
    periodStart: row.periodStart.toISOString(),
    periodEnd: row.periodEnd.toISOString(),
    openingBalance: toSafeNumber(row.openingBalance),
    charges: SPENDING_CATEGORIES.map((category) => ({
      category,
      amount: toSafeNumber(BigInt(row.charges[category] ?? '0')),
    })),
    chargesTotal: toSafeNumber(row.chargesTotal),
    paymentsTotal: toSafeNumber(row.paymentsTotal),
    otherMovements: toSafeNumber(row.otherMovements),
    closingBalance: toSafeNumber(row.closingBalance),
    amountDue: toSafeNumber(row.amountDue),
    creditLimit: toSafeNumber(row.creditLimit),
    dueDate: row.dueDate,
    issuedAt: row.issuedAt.toISOString(),
    status: invoiceStatus(row.amountDue, row.paidSince, endOfDueDate(row.dueDate, timeZone), now),
  };
}

/** Whether any invoice of the account is past due and unpaid (the trust payment is refused then). */
export function hasOverdueInvoice(rows: readonly InvoiceRow[], now: Date, timeZone: string): boolean {
  return rows.some(
    (r) => invoiceStatus(r.amountDue, r.paidSince, endOfDueDate(r.dueDate, timeZone), now) === 'overdue',
  );
}

/** The trust payment in force, the ones taken, and whether one may be taken now. */
export async function loadTrustPayments(
  db: Db,
  account: StatementAccount,
  overdueInvoice: boolean,
  now: Date,
  timeZone: string,
) {
  const taken = await db
    .selectFrom('trust_payments')
    .select(['id', 'month', 'amount', 'status', 'taken_at', 'expires_at', 'ended_at'])
    .where('account_id', '=', account.accountId)
    .orderBy('taken_at', 'desc')
    .limit(12)
    .execute();
  // A raise past its time counts as over even before the job took it back.
  const active = taken.find((t) => t.status === 'active' && t.expires_at.getTime() > now.getTime()) ?? null;
  const decision = decideTrustPayment({
    paymentType: account.paymentType,
    creditLimit: account.creditLimit - (active?.amount ?? 0n),
    active: active !== null,
    takenInMonths: taken.map((t) => t.month),
    month: monthOf(now, timeZone),
    overdueInvoice,
    now,
  });
  return {
    active: active
      ? {
          id: active.id,
          amount: toSafeNumber(active.amount),
          takenAt: active.taken_at.toISOString(),
          expiresAt: active.expires_at.toISOString(),
        }
      : null,
    offer: decision.allowed
      ? {
          allowed: true,
          amount: toSafeNumber(decision.amount),
          expiresAt: decision.expiresAt.toISOString(),
          reason: null,
        }
      : { allowed: false, amount: null, expiresAt: null, reason: decision.reason },
    durationDays: TRUST_PAYMENT_RULES.durationDays,
    history: taken.map((t) => ({
      id: t.id,
      amount: toSafeNumber(t.amount),
      takenAt: t.taken_at.toISOString(),
      expiresAt: t.expires_at.toISOString(),
      status:
        t.status === 'active' && t.expires_at.getTime() <= now.getTime() ? ('expired' as const) : t.status,
    })),
  };
}

/** GET /lines/{id}/invoices: credit limit and its use, the trust payment, the invoices. */
export async function loadPostpaidState(db: Db, account: StatementAccount, now: Date, timeZone: string) {
  const rows = account.paymentType === 'postpaid' ? await loadInvoiceRows(db, account) : [];
  const trust = await loadTrustPayments(db, account, hasOverdueInvoice(rows, now, timeZone), now, timeZone);
  const balance = account.balance;
  return {
    paymentType: account.paymentType,
    accountNumber: account.accountNumber,
    balance: toSafeNumber(balance),
    creditLimit: toSafeNumber(account.creditLimit),
    used: toSafeNumber(balance < 0n ? -balance : 0n),
    available: toSafeNumber(balance + account.creditLimit),
    trustPayment: trust,
    invoices: rows.map((r) => presentInvoice(r, now, timeZone)),
  };
}
