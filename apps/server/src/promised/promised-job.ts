/**
 * PAY-05, every money pass: the reminder a day before a promised payment is due (`promised_payment_due`), and at
 * due time the automatic debit subscriber → credit:promised — exactly once per promised payment (the row is
 * locked and must still be active; the ledger key `promised:<id>:repay` is a second guard), even if the balance
 * goes negative: the balance rules then apply (a line may be blocked for debt). Safe on several workers: rows are
 * taken with SKIP LOCKED.
 */
import { toSafeNumber } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { sql } from 'kysely';
import { applyBalanceRules } from '../charging/balance-rules.ts';
import { recordJournal } from '../journal/record.ts';
import type { MoneyJobDeps } from '../money-jobs/money-job.ts';
import { notify } from '../notification-centre/notify.ts';
import { recordRequest } from '../requests/record-request.ts';
import { promisedDueText } from './due-text.ts';
import { loadPromisedRules } from './rules-store.ts';

const BATCH = 200;

export async function runPromisedPaymentJobs(deps: MoneyJobDeps): Promise<number> {
  const reminded = await sendReminders(deps);
  const { count, accounts } = await debitDue(deps);
  if (accounts.length > 0) await applyBalanceRules(deps.db, accounts, deps.now, { timeZone: deps.timeZone });
  return reminded + count;
}

/** Reminds once (`reminded_at`) every unpaid promised payment whose reminder time has come and is not yet due. */
async function sendReminders(deps: MoneyJobDeps): Promise<number> {
  const rules = await loadPromisedRules(deps.db);
  const horizon = new Date(deps.now.getTime() + rules.reminderHours * 3_600_000);
  let done = 0;
  for (;;) {
    const sent = await deps.db.transaction().execute(async (trx) => {
      const rows = await sql<{ id: string; line_id: string; amount: bigint; due_at: Date }>`
        SELECT id, line_id, amount, due_at FROM promised_payments
        WHERE status = 'active' AND reminded_at IS NULL AND due_at > ${deps.now} AND due_at <= ${horizon}
          -- Taken inside the reminder window (a short term): the notice when taken already gave the date.
          AND due_at - taken_at > make_interval(hours => ${rules.reminderHours}::int)
        ORDER BY due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`.execute(trx);
      for (const row of rows.rows) {
        await trx
          .updateTable('promised_payments')
          .set({ reminded_at: deps.now })
          .where('id', '=', row.id)
          .execute();
        await notify(trx, {
          lineId: row.line_id,
          event: 'promised_payment_due',
          params: { amount: toSafeNumber(row.amount), due: promisedDueText(row.due_at, deps.timeZone) },
        });
        await recordJournal(trx, {
          actorKind: 'system',
          channel: 'system',
          lineId: row.line_id,
          action: 'promised_payment.reminded',
          details: { promisedPaymentId: row.id, amount: Number(row.amount), dueAt: row.due_at.toISOString() },
        });
      }
      return rows.rows.length;
    });
    done += sent;
    if (sent < BATCH) return done;
  }
}

/** Debits every promised payment due by now, one transaction each; returns the accounts touched. */
async function debitDue(deps: MoneyJobDeps): Promise<{ count: number; accounts: string[] }> {
  const accounts = new Set<string>();
  let count = 0;
  const operator = OPERATOR_ACCOUNT_IDS;
  for (;;) {
    const due = await deps.db
      .selectFrom('promised_payments')
      .select('id')
      .where('status', '=', 'active')
      .where('due_at', '<=', deps.now)
      .orderBy('due_at')
      .limit(BATCH)
      .execute();
    let debited = 0;
    for (const { id } of due) {
      const accountId = await deps.db
        .transaction()
        .execute((trx) => debitOne(trx, id, operator.promised, deps));
      if (accountId) {
        accounts.add(accountId);
        debited += 1;
      }
    }
    count += debited;
    // Rows another worker holds are skipped; stop when a batch moved nothing rather than spin on them.
    if (due.length < BATCH || debited === 0) return { count, accounts: [...accounts] };
  }
}

async function debitOne(
  trx: Db,
  id: string,
  promisedAccount: string,
  deps: MoneyJobDeps,
): Promise<string | null> {
  const row = await sql<{
    id: string;
    account_id: string;
    line_id: string;
    login_id: string | null;
    amount: bigint;
    ledger_account_id: string;
  }>`
    SELECT p.id, p.account_id, p.line_id, p.login_id, p.amount, a.ledger_account_id
    FROM promised_payments p JOIN billing_accounts a ON a.id = p.account_id
    WHERE p.id = ${id} AND p.status = 'active' AND p.due_at <= ${deps.now}
    FOR UPDATE OF p SKIP LOCKED`
    .execute(trx)
    .then((r) => r.rows[0]);
  if (!row) return null;
  const transfer = await postTransfer(trx, {
    debitAccountId: row.ledger_account_id,
    creditAccountId: promisedAccount,
    amount: row.amount,
    kind: 'promised_repayment',
    idempotencyKey: `promised:${row.id}:repay`,
    lineId: row.line_id,
    description: `Repayment of promised payment ${row.id}`,
    at: deps.now,
  });
  await trx
    .updateTable('promised_payments')
    .set({ status: 'repaid', repaid_at: deps.now, repay_transfer_id: transfer.id })
    .where('id', '=', row.id)
    .execute();
  const rub = `${row.amount / 100n} ₽`;
  const requestId = await recordRequest(trx, {
    lineId: row.line_id,
    loginId: null,
    kind: 'promised_repayment',
    statuses: ['accepted', 'done'],
    title: { ru: `Погашение обещанного платежа ${rub}`, en: `Promised payment ${rub} repaid` },
    payload: { promisedPaymentId: row.id, amount: Number(row.amount) },
    now: deps.now,
  });
  await recordJournal(trx, {
    actorKind: 'system',
    channel: 'system',
    lineId: row.line_id,
    action: 'promised_payment.repaid',
    details: { promisedPaymentId: row.id, requestId, amount: Number(row.amount), transferId: transfer.id },
  });
  await notify(trx, {
    lineId: row.line_id,
    event: 'charges',
    params: { amount: toSafeNumber(row.amount), fee: 'promised' },
  });
  return row.account_id;
}
