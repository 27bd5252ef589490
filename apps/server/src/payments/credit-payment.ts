/**
 * The one way money from outside reaches a subscriber (PAY-01/02/03/04): a pending payment is credited exactly
 * once, in the caller's transaction, whatever the number of webhook deliveries, retries or racing workers. The
 * payment row is locked first; the ledger transfer's idempotency key (`payment:<id>`) is a second guard.
 * After commit, the caller runs `afterMoneyMoved` (balance rules unblock a line blocked for debt, the outbox
 * sends the receipt).
 */
import { type NotificationParams, newId } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, type OperatorAccount } from '@kabinet/db';
import { type OperationNodeSource, sql } from 'kysely';
import { topUpPointsEntry } from '../bonuses/accrue.ts';
import { bonusRulesFromRow, earnPointsCtes } from '../bonuses/points-ledger.ts';
import { applyBalanceRules } from '../charging/balance-rules.ts';
import type { AppContext } from '../http/context.ts';
import { journalInsert } from '../journal/record.ts';
import { planNotify } from '../notification-centre/notify.ts';

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
  /** The `bonus_rules` row, read with the payment so that crediting asks nothing more before it writes. */
  top_up_kopecks_per_point: bigint;
  top_up_sources: string[];
  spending_kopecks_per_point: bigint;
  spending_account_codes: string[];
  expiry_months: number;
  expiring_soon_days: number;
}

/**
 * Reads and locks a payment for crediting (the row lock is what racing deliveries serialise on), with the points
 * rules crediting needs. `db` may be a transaction or a query creator carrying a CTE (`trx.with(…)`).
 */
export function lockPaymentQuery(db: Pick<Db, 'selectFrom'>, paymentId: string) {
  return db
    .selectFrom('payments as p')
    .innerJoin('billing_accounts as a', 'a.id', 'p.account_id')
    .innerJoin('bonus_rules as br', (join) => join.on('br.id', '=', 1))
    .select(['p.id', 'p.account_id', 'p.line_id', 'p.source', 'p.amount', 'p.status', 'p.transfer_id'])
    .select('a.ledger_account_id')
    .select([
      'br.top_up_kopecks_per_point',
      'br.top_up_sources',
      'br.spending_kopecks_per_point',
      'br.spending_account_codes',
      'br.expiry_months',
      'br.expiring_soon_days',
    ])
    .where('p.id', '=', paymentId)
    .forUpdate('p');
}

/**
 * Credits a locked pending payment. After the payment row's lock and the recipients of the receipt are read, all
 * of it is one statement (decisions/0031): the transfer, the subscriber's balance, the payment's success, the
 * journal entry, the receipt, the points earned and, last, the shared clearing account's balance.
 */
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
  const receipt = payment.line_id
    ? await planNotify(trx, {
        lineId: payment.line_id,
        event: 'top_ups',
        params: { ...input.notice, amount: Number(payment.amount) },
      })
    : null;
  const writes: OperationNodeSource[] = [
    journalInsert(trx, {
      actorKind: 'system',
      channel: 'system',
      lineId: payment.line_id,
      action: 'payment.received',
      details: { paymentId: payment.id, source: payment.source, amount: Number(payment.amount) },
    }),
    ...(receipt?.writes ?? []),
  ];
  const transferId = newId('transfer', input.at);
  writes.push(
    trx
      .updateTable('payments')
      .set({
        status: 'succeeded',
        transfer_id: transferId,
        completed_at: input.at,
        ...(input.externalId ? { external_id: input.externalId } : {}),
        ...(input.card ? { card_last4: input.card.last4, card_brand: input.card.brand } : {}),
      })
      .where('id', '=', payment.id),
  );
  const earned = topUpPointsEntry(bonusRulesFromRow(payment), {
    accountId: payment.account_id,
    lineId: payment.line_id,
    paymentId: payment.id,
    source: payment.source,
    amount: payment.amount,
    at: input.at,
  });
  const earn = earned ? sql`, ${earnPointsCtes(earned.id, earned)}` : sql``;
  const clearingId = OPERATOR_ACCOUNT_IDS[clearing];
  // The transfer has no ON CONFLICT: its key `payment:<id>` is written only here, with the payment's success,
  // under the payment's lock, so a second one cannot exist; if it ever did, the statement fails and nothing moves.
  // Lock order: the subscriber's ledger row (`credited`, which the main UPDATE waits for), then the shared
  // clearing row (decisions/0020: held from here to the commit only), then the points row (BONUS-01).
  const { rows } = await sql<{ id: string }>`
    WITH transfer AS (
      INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount, kind, idempotency_key, line_id,
        description, created_at)
      VALUES (${transferId}, ${clearingId}, ${payment.ledger_account_id}, ${payment.amount}, 'topup',
        ${`payment:${payment.id}`}, ${payment.line_id}, ${`${payment.source} payment ${payment.id}`}, ${input.at})
      RETURNING credit_account_id, amount),
    credited AS (
      UPDATE ledger_accounts a SET balance = a.balance + t.amount FROM transfer t
      WHERE a.id = t.credit_account_id RETURNING a.id),
    ${sql.join(
      writes.map((write, i) => sql`${sql.raw(`write_${i}`)} AS (${write})`),
      sql`, `,
    )}${earn}
    UPDATE ledger_accounts SET balance = balance - ${payment.amount}::bigint
    WHERE id = ${clearingId} AND EXISTS (SELECT 1 FROM credited)
    RETURNING id`.execute(trx);
  if (rows.length !== 1) throw new Error(`Payment ${payment.id}: the credit moved no balance`);
  return { credited: true, accountId: payment.account_id, transferId };
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
