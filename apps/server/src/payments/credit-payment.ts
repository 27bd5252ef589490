/**
 * The one way money from outside reaches a subscriber (PAY-01/02/03/04): a pending payment is credited exactly
 * once, in the caller's transaction, whatever the number of webhook deliveries, retries or racing workers. The
 * payment row is locked first; the ledger transfer's idempotency key (`payment:<id>`) is a second guard.
 * After commit, the caller runs `afterMoneyMoved` (balance rules unblock a line blocked for debt, the outbox
 * sends the receipt).
 */
import type { NotificationParams } from '@kabinet/core';
import {
  type Db,
  moveHotBalance,
  OPERATOR_ACCOUNT_IDS,
  type OperatorAccount,
  postTransfer,
} from '@kabinet/db';
import { accrueTopUpPoints } from '../bonuses/accrue.ts';
import { applyBalanceRules } from '../charging/balance-rules.ts';
import type { AppContext } from '../http/context.ts';
import { recordJournal } from '../journal/record.ts';
import { notify } from '../notification-centre/notify.ts';

/** Where the money of a payment comes from, by its source. Transfers and promised payments post their own. */
const CLEARING: Record<string, OperatorAccount> = {
  card: 'acquirer',
  autopay: 'acquirer',
  voucher: 'vouchers',
  cash: 'cash',
  bank: 'cash',
};

export interface CreditOutcome {
  /** False when it had been credited already (a replayed webhook): nothing moved this time. */
  credited: boolean;
  /** The billing account credited, for `afterMoneyMoved`. */
  accountId: string;
  transferId: string | null;
}

/** A payment row as crediting needs it, locked FOR UPDATE in the caller's transaction. */
export interface LockedPayment {
  id: string;
  account_id: string;
  line_id: string | null;
  source: string;
  amount: bigint;
  status: string;
  transfer_id: string | null;
  /** The billing account's subscriber ledger account. */
  ledger_account_id: string;
}

/** Reads and locks a payment for crediting (the row lock is what racing deliveries serialise on). */
export function lockPaymentQuery(trx: Db, paymentId: string) {
  return trx
    .selectFrom('payments as p')
    .innerJoin('billing_accounts as a', 'a.id', 'p.account_id')
    .select(['p.id', 'p.account_id', 'p.line_id', 'p.source', 'p.amount', 'p.status', 'p.transfer_id'])
    .select('a.ledger_account_id')
    .where('p.id', '=', paymentId)
    .forUpdate('p');
}

export async function creditPayment(
  trx: Db,
  input: {
    paymentId: string;
    at: Date;
    externalId?: string | null;
    /** Extra parameters of the `top_ups` receipt (e.g. autopay's `notice` and card), so there is one receipt. */
    notice?: NotificationParams;
    /** The payment row, when the caller has already locked it with `lockPaymentQuery`. */
    locked?: LockedPayment;
    /** The card paid with, stored on the payment with its success. */
    card?: { last4: string; brand: string };
  },
): Promise<CreditOutcome> {
  const payment = input.locked ?? (await lockPaymentQuery(trx, input.paymentId).executeTakeFirstOrThrow());
  if (payment.status === 'succeeded') {
    return { credited: false, accountId: payment.account_id, transferId: payment.transfer_id };
  }
  if (payment.status !== 'pending') {
    throw new Error(`Payment ${payment.id} is ${payment.status}; only a pending payment can be credited`);
  }
  const clearing = CLEARING[payment.source];
  if (!clearing) throw new Error(`Payments from ${payment.source} are not credited through creditPayment`);
  // The journal entry and the receipt first; the shared clearing account's balance moves last of all (below).
  await recordJournal(trx, {
    actorKind: 'system',
    channel: 'system',
    lineId: payment.line_id,
    action: 'payment.received',
    details: { paymentId: payment.id, source: payment.source, amount: Number(payment.amount) },
  });
  if (payment.line_id) {
    await notify(trx, {
      lineId: payment.line_id,
      event: 'top_ups',
      params: { ...input.notice, amount: Number(payment.amount) },
    });
  }
  const accounts = OPERATOR_ACCOUNT_IDS;
  const transfer = await postTransfer(trx, {
    debitAccountId: accounts[clearing],
    creditAccountId: payment.ledger_account_id,
    amount: payment.amount,
    kind: 'topup',
    idempotencyKey: `payment:${payment.id}`,
    lineId: payment.line_id,
    description: `${payment.source} payment ${payment.id}`,
    at: input.at,
    deferred: 'debit',
  });
  await trx
    .updateTable('payments')
    .set({
      status: 'succeeded',
      transfer_id: transfer.id,
      completed_at: input.at,
      ...(input.externalId ? { external_id: input.externalId } : {}),
      ...(input.card ? { card_last4: input.card.last4, card_brand: input.card.brand } : {}),
    })
    .where('id', '=', payment.id)
    .execute();
  // After the money moved: the points row is locked after the ledger rows (BONUS-01's lock order).
  await accrueTopUpPoints(trx, {
    accountId: payment.account_id,
    lineId: payment.line_id,
    paymentId: payment.id,
    source: payment.source,
    amount: payment.amount,
    at: input.at,
  });
  // Last: the clearing account every top-up shares (decisions/0020). Its row lock is held from here to the
  // commit only, not through the statements above.
  if (transfer.created) await moveHotBalance(trx, accounts[clearing], -payment.amount);
  return { credited: true, accountId: payment.account_id, transferId: transfer.id };
}

/**
 * After a transaction that moved money committed: the balance rules for the accounts it touched (a top-up
 * unblocks a line blocked for debt; a debit may start the out-of-funds clock) and the outbox for its messages.
 */
export async function afterMoneyMoved(ctx: AppContext, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length > 0)
    await applyBalanceRules(ctx.db, accountIds, ctx.now(), { timeZone: ctx.timeZone });
  void ctx.outbox.kick();
}
