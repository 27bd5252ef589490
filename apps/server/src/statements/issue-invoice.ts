/**
 * PAY-10: builds and stores the invoice of one postpaid account for one month. The (account, month) unique key
 * makes a second attempt — another worker, a rerun — insert nothing; only the attempt that inserted journals and
 * notifies, in the same transaction.
 */
import {
  emptyAmounts,
  invoiceDueDate,
  invoiceTotals,
  type MonthKey,
  monthBounds,
  newId,
  SPENDING_CATEGORIES,
  sumByCategory,
  toSafeNumber,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { recordJournal } from '../journal/record.ts';
import { notify } from '../notification-centre/notify.ts';
import { spendingByMonth } from './spending-query.ts';

export interface InvoiceAccount {
  id: string;
  number: string;
  ledgerAccountId: string;
  creditLimit: bigint;
}

/** Ledger balance of an account at `start` and `end`, and the top-ups credited in between. */
async function balancesAround(db: Db, ledgerAccountId: string, start: Date, end: Date) {
  const { rows } = await sql<{ opening: bigint; closing: bigint; payments: bigint }>`
    SELECT
      (COALESCE(sum(amount) FILTER (WHERE credit_account_id = ${ledgerAccountId} AND created_at < ${start}), 0)
        - COALESCE(sum(amount) FILTER (WHERE debit_account_id = ${ledgerAccountId} AND created_at < ${start}), 0))::int8 AS opening,
      (COALESCE(sum(amount) FILTER (WHERE credit_account_id = ${ledgerAccountId}), 0)
        - COALESCE(sum(amount) FILTER (WHERE debit_account_id = ${ledgerAccountId}), 0))::int8 AS closing,
      COALESCE(sum(amount) FILTER (WHERE credit_account_id = ${ledgerAccountId} AND kind = 'topup'
        AND created_at >= ${start}), 0)::int8 AS payments
    FROM ledger_transfers
    WHERE (credit_account_id = ${ledgerAccountId} OR debit_account_id = ${ledgerAccountId}) AND created_at < ${end}`.execute(
    db,
  );
  return rows[0] ?? { opening: 0n, closing: 0n, payments: 0n };
}

/** Issues the invoice of `month` unless it exists; returns its id when this call issued it, else null. */
export async function issueInvoice(
  trx: Db,
  account: InvoiceAccount,
  month: MonthKey,
  now: Date,
  timeZone: string,
): Promise<string | null> {
  const { start, end } = monthBounds(month, timeZone);
  const lines = await trx
    .selectFrom('lines')
    .select(['id', 'kind'])
    .where('account_id', '=', account.id)
    .orderBy('activated_at')
    .execute();
  const [balances, spending] = await Promise.all([
    balancesAround(trx, account.ledgerAccountId, start, end),
    spendingByMonth(
      trx,
      { ledgerAccountId: account.ledgerAccountId, lineIds: lines.map((l) => l.id), onlyTheseLines: false },
      { start, end },
      timeZone,
    ),
  ]);
  const charges = spending.length > 0 ? sumByCategory(spending) : emptyAmounts();
  const totals = invoiceTotals({
    openingBalance: balances.opening,
    charges,
    payments: balances.payments,
    closingBalance: balances.closing,
  });
  const id = newId('invoice', now);
  const inserted = await trx
    .insertInto('invoices')
    .values({
      id,
      account_id: account.id,
      month,
      number: `${account.number}-${month.replace('-', '')}`,
      period_start: start,
      period_end: end,
      opening_balance: balances.opening,
      charges: JSON.stringify(Object.fromEntries(SPENDING_CATEGORIES.map((c) => [c, charges[c].toString()]))),
      charges_total: totals.chargesTotal,
      payments_total: balances.payments,
      other_movements: totals.otherMovements,
      closing_balance: balances.closing,
      amount_due: totals.amountDue,
      credit_limit: account.creditLimit,
      due_date: invoiceDueDate(month, timeZone),
      issued_at: now,
    })
    .onConflict((oc) => oc.columns(['account_id', 'month']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  const lineId = lines[0]?.id ?? null;
  await recordJournal(trx, {
    actorKind: 'system',
    channel: 'system',
    lineId,
    action: 'invoice.issued',
    details: { invoiceId: id, accountId: account.id, month, amountDue: toSafeNumber(totals.amountDue) },
  });
  if (lineId && totals.amountDue > 0n) {
    // NOTIF-01 `charges`: the invoice is what a postpaid subscriber is asked to pay; nothing due, nothing said.
    await notify(trx, {
      lineId,
      event: 'charges',
      params: {
        amount: toSafeNumber(totals.amountDue),
        fee: 'invoice',
        code: month,
      },
    });
  }
  return id;
}
