/**
 * PAY-10: the monthly invoice of a postpaid account — which months are due and what the totals are.
 * The operator's rules are one object, so the documentation (docs/statements-and-invoices.md) and the job
 * cannot disagree.
 */
import { fromWallClock, toWallClock } from '../dates.ts';
import { type CategoryAmounts, withShares } from './breakdown.ts';
import { addMonths, type MonthKey, monthBounds, monthOf } from './months.ts';

export const INVOICE_RULES = {
  /** Days after the 1st (the issue day) by which the amount due is to be paid: due on the 21st. */
  dueDays: 20,
  /**
   * How many completed months back the job issues when an account has none (a new installation, a worker that
   * was down over the 1st). Older months are never issued: a subscriber would not expect a year of invoices
   * to appear at once.
   */
  backfillMonths: 3,
} as const;

/**
 * The months the job should have issued by `now`: completed months (the month before the current one in the
 * operator's zone, and up to `backfillMonths` before it), not before the month the account was opened.
 * The invoice of a month is due from midnight of the next month's 1st.
 */
export function invoiceMonthsDue(
  now: Date,
  timeZone: string,
  accountOpenedAt: Date,
  backfillMonths: number = INVOICE_RULES.backfillMonths,
): MonthKey[] {
  const last = addMonths(monthOf(now, timeZone), -1);
  const first = monthOf(accountOpenedAt, timeZone);
  const out: MonthKey[] = [];
  for (let i = backfillMonths - 1; i >= 0; i--) {
    const m = addMonths(last, -i);
    if (m >= first) out.push(m);
  }
  return out;
}

/** The due date (`YYYY-MM-DD`, operator's calendar) of the invoice of `month`. */
export function invoiceDueDate(
  month: MonthKey,
  timeZone: string,
  dueDays: number = INVOICE_RULES.dueDays,
): string {
  const issued = toWallClock(monthBounds(month, timeZone).end, timeZone);
  const due = new Date(Date.UTC(issued.year, issued.month - 1, issued.day + dueDays));
  return due.toISOString().slice(0, 10);
}

/** The end of the due date (midnight after it) in the operator's zone: after that instant an unpaid invoice is overdue. */
export function endOfDueDate(dueDate: string, timeZone: string): Date {
  const [year, month, day] = dueDate.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return fromWallClock(
    {
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    },
    timeZone,
  );
}

export interface InvoiceInput {
  /** Ledger balance at the start of the month (credits − debits; negative means the subscriber owed). */
  openingBalance: bigint;
  /** Spending of the month by category (PAY-08 rules). */
  charges: CategoryAmounts;
  /** Top-ups credited in the month. */
  payments: bigint;
  /** Ledger balance at the end of the month. */
  closingBalance: bigint;
}

export interface InvoiceTotals {
  chargesTotal: bigint;
  /**
   * What moved the balance besides charges and payments (a promised payment and its repayment, a mobile transfer
   * received, a correction): closing − opening − payments + charges, so every invoice reconciles exactly.
   */
  otherMovements: bigint;
  /** What the subscriber is asked to pay: the debt at the end of the month, zero when in credit. */
  amountDue: bigint;
}

/** The totals printed on an invoice; they always satisfy opening + payments − charges + other = closing. */
export function invoiceTotals(input: InvoiceInput): InvoiceTotals {
  const chargesTotal = withShares(input.charges).total;
  return {
    chargesTotal,
    otherMovements: input.closingBalance - input.openingBalance - input.payments + chargesTotal,
    amountDue: input.closingBalance < 0n ? -input.closingBalance : 0n,
  };
}

/** An invoice is paid once the payments since its month ended cover its amount due. */
export function invoiceStatus(
  amountDue: bigint,
  paidSince: bigint,
  dueEnd: Date,
  now: Date,
): 'nothing_due' | 'paid' | 'unpaid' | 'overdue' {
  if (amountDue <= 0n) return 'nothing_due';
  if (paidSince >= amountDue) return 'paid';
  return now.getTime() >= dueEnd.getTime() ? 'overdue' : 'unpaid';
}
