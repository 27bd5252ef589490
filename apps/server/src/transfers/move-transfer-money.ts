import { checkTransferFunds, checkTransferLimits, maskPhone, newId, TRANSFER_RULES } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { sql } from 'kysely';
import { recordJournal } from '../journal/record.ts';
import { notify } from '../notification-centre/notify.ts';
import { sentSums } from './sent-sums.ts';
import { transferProblems } from './transfer-problems.ts';

export interface MoveTransferInput {
  transferId: string;
  now: Date;
  timeZone: string;
}

export interface MovedTransfer {
  /** False when it had completed already: nothing moved this time. */
  moved: boolean;
  fromAccountId: string;
  toAccountId: string;
  /** The sender's balance afterwards, kopecks. */
  senderBalance: bigint;
}

/**
 * PAY-06: moves a confirmed transfer's money exactly once, in the caller's transaction. The transfer row is
 * locked first (a replay finds it completed), then the three ledger accounts — sender, recipient, service
 * revenue — FOR NO KEY UPDATE in id order, the order `postTransfer` uses, so racing transfers queue instead of
 * deadlocking. Under those locks the sender's balance and limits are read again: two transfers racing on one
 * balance are decided one after the other and the second sees what the first left (never below the floor).
 * Then sender → recipient (amount) and sender → revenue (fee), a `transfer` payment for the recipient's history,
 * journal entries on both lines and notifications to both.
 */
export async function moveTransferMoney(trx: Db, input: MoveTransferInput): Promise<MovedTransfer> {
  const transfer = await trx
    .selectFrom('mobile_transfers as t')
    .innerJoin('billing_accounts as fa', 'fa.id', 't.from_account_id')
    .innerJoin('billing_accounts as ta', 'ta.id', 't.to_account_id')
    .innerJoin('lines as fl', 'fl.id', 't.from_line_id')
    .selectAll('t')
    .select([
      'fa.ledger_account_id as from_ledger',
      'ta.ledger_account_id as to_ledger',
      'fl.msisdn as from_msisdn',
    ])
    .where('t.id', '=', input.transferId)
    .forUpdate('t')
    .executeTakeFirstOrThrow();
  const accounts = OPERATOR_ACCOUNT_IDS;
  const ledgerIds = [transfer.from_ledger, transfer.to_ledger, accounts.revenueServices].sort();
  const locked = await sql<{ id: string; balance: bigint }>`
    SELECT id, balance FROM ledger_accounts WHERE id IN (${sql.join(ledgerIds)}) ORDER BY id FOR NO KEY UPDATE`.execute(
    trx,
  );
  const senderBalance = locked.rows.find((r) => r.id === transfer.from_ledger)?.balance ?? 0n;
  const result = { fromAccountId: transfer.from_account_id, toAccountId: transfer.to_account_id };
  if (transfer.status === 'completed') return { moved: false, ...result, senderBalance };
  if (transfer.status !== 'awaiting_code') throw transferProblems.failed();

  const sums = await sentSums(trx, transfer.from_line_id, input.now, input.timeZone);
  const limits = checkTransferLimits({ amount: transfer.amount, ...sums });
  if (!limits.ok) throw transferProblems.limit(limits.problem, limits.left);
  const funds = checkTransferFunds(senderBalance, transfer.amount + transfer.fee);
  if (!funds.ok) throw transferProblems.insufficientFunds(funds.available, TRANSFER_RULES.minBalanceLeft);

  const toMasked = maskPhone(transfer.to_msisdn);
  const fromMasked = transfer.from_msisdn ? maskPhone(transfer.from_msisdn) : '';
  const amountMove = await postTransfer(trx, {
    debitAccountId: transfer.from_ledger,
    creditAccountId: transfer.to_ledger,
    amount: transfer.amount,
    kind: 'mobile_transfer',
    idempotencyKey: `mobile_transfer:${transfer.id}`,
    lineId: transfer.from_line_id,
    description: `Mobile transfer ${transfer.id} to ${toMasked}`,
    at: input.now,
  });
  const feeMove =
    transfer.fee > 0n
      ? await postTransfer(trx, {
          debitAccountId: transfer.from_ledger,
          creditAccountId: accounts.revenueServices,
          amount: transfer.fee,
          kind: 'transfer_fee',
          idempotencyKey: `mobile_transfer_fee:${transfer.id}`,
          lineId: transfer.from_line_id,
          description: `Fee of mobile transfer ${transfer.id}`,
          at: input.now,
        })
      : null;
  const paymentId = newId('payment', input.now);
  await trx
    .insertInto('payments')
    .values({
      id: paymentId,
      account_id: transfer.to_account_id,
      line_id: transfer.to_line_id,
      source: 'transfer',
      amount: transfer.amount,
      status: 'succeeded',
      transfer_id: amountMove.id,
      idempotency_key: `mobile_transfer:${transfer.id}`,
      payer_login_id: transfer.login_id,
      msisdn: transfer.to_msisdn,
      created_at: input.now,
      completed_at: input.now,
    })
    .execute();
  await trx
    .updateTable('mobile_transfers')
    .set({
      status: 'completed',
      amount_transfer_id: amountMove.id,
      fee_transfer_id: feeMove?.id ?? null,
      payment_id: paymentId,
      completed_at: input.now,
    })
    .where('id', '=', transfer.id)
    .execute();
  const details = { transferId: transfer.id, amount: Number(transfer.amount) };
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: transfer.login_id,
    loginId: transfer.login_id,
    channel: 'web',
    lineId: transfer.from_line_id,
    action: 'transfer.sent',
    details: { ...details, fee: Number(transfer.fee), to: transfer.to_msisdn },
  });
  await recordJournal(trx, {
    actorKind: 'system',
    channel: 'system',
    lineId: transfer.to_line_id,
    action: 'transfer.received',
    // The recipient sees the sender's number masked, as in the SMS of any operator's transfer.
    details: { ...details, paymentId, from: fromMasked },
  });
  await notify(trx, {
    lineId: transfer.to_line_id,
    event: 'top_ups',
    params: { amount: Number(transfer.amount) },
  });
  await notify(trx, {
    lineId: transfer.from_line_id,
    event: 'charges',
    params: {
      amount: Number(transfer.amount + transfer.fee),
      fee: 'transfer',
      code: toMasked,
      what: toMasked,
    },
  });
  return { moved: true, ...result, senderBalance: senderBalance - transfer.amount - transfer.fee };
}
