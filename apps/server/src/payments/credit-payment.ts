/**
 * The one way money from outside reaches a subscriber (PAY-01/02/03/04): a pending payment is credited exactly
 * once, in the caller's transaction, whatever the number of webhook deliveries, retries or racing workers. The
 * payment row is locked first; the ledger transfer's idempotency key (`payment:<id>`) is a second guard.
 * After commit, the caller runs `afterMoneyMoved` (balance rules unblock a line blocked for debt, the outbox
 * sends the receipt).
 */
import { type NotificationParams, newId } from '@kabinet/core';
import { type Database, type Db, insertWhere, OPERATOR_ACCOUNT_IDS, type OperatorAccount } from '@kabinet/db';
import { type QueryCreator, sql } from 'kysely';
import { topUpPointsEntry } from '../bonuses/accrue.ts';
import { bonusRulesFromRow, earnPointsCtes } from '../bonuses/points-ledger.ts';
import { applyBalanceRules, type FirstLook, firstLookSql } from '../charging/balance-rules.ts';
import type { AppContext } from '../http/context.ts';
import { journalInsertValues } from '../journal/record.ts';
import { type NotifyInput, type NotifyPlan, planNotify } from '../notification-centre/notify.ts';

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
 * A payment as crediting reads it, with the points rules crediting needs: unlocked (a webhook's first look) or,
 * through `lockPaymentQuery`, locked.
 */
export function paymentQuery(db: QueryCreator<Database>, paymentId: string) {
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
    .where('p.id', '=', paymentId);
}

/** Reads and locks a payment for crediting (the row lock is what racing deliveries serialise on). */
export function lockPaymentQuery(db: QueryCreator<Database>, paymentId: string) {
  return paymentQuery(db, paymentId).forUpdate('p');
}

export interface CreditInput {
  at: Date;
  externalId?: string | null;
  /** Extra parameters of the `top_ups` receipt (e.g. autopay's `notice` and card), so there is one receipt. */
  notice?: NotificationParams;
  /** The card paid with, stored on the payment with its success. */
  card?: { last4: string; brand: string } | null;
}

/**
 * Credits a locked pending payment: after the payment row's lock and the receipt's recipients are read, one
 * statement (`creditStatement`) does the rest.
 */
export async function creditPayment(
  trx: Db,
  input: CreditInput & {
    paymentId: string;
    /** The payment row, when the caller has already locked it with `lockPaymentQuery`. */
    locked?: LockedPayment;
  },
): Promise<CreditOutcome> {
  const payment = input.locked ?? (await lockPaymentQuery(trx, input.paymentId).executeTakeFirstOrThrow());
  if (payment.status === 'succeeded') {
    return { credited: false, accountId: payment.account_id, transferId: payment.transfer_id };
  }
  if (payment.status !== 'pending') {
    throw new Error(`Payment ${payment.id} is ${payment.status}; only a pending payment can be credited`);
  }
  const receipt = payment.line_id ? await planNotify(trx, receiptOf(payment, input)) : null;
  const outcome = await creditStatement(trx, payment, input, receipt);
  // Under the payment's lock a pending payment is always credited; anything else is a broken invariant.
  if (!outcome.credited) throw new Error(`Payment ${payment.id}: the credit moved no balance`);
  return { credited: true, accountId: payment.account_id, transferId: outcome.transferId };
}

/** The `top_ups` receipt of a payment to a line. */
export function receiptOf(
  payment: { line_id: string | null; amount: bigint },
  input: { notice?: NotificationParams },
): NotifyInput {
  return {
    lineId: payment.line_id ?? undefined,
    event: 'top_ups',
    params: { ...input.notice, amount: Number(payment.amount) },
  };
}

/**
 * Crediting as one statement (decisions/0031): the payment's success, the transfer, the subscriber's balance, the
 * journal entry, the receipt's rows, the points earned and, last, the shared clearing account's balance. All of it
 * happens only if the payment was still pending when its row was updated, and, with an `event`, only if that
 * webhook event was not recorded before (it is recorded in the same statement). So it is safe without the
 * payment's lock: a racing delivery waits on the row and then finds it no longer pending. `fresh` tells whether
 * the event was new; `credited` whether money moved.
 */
export async function creditStatement(
  db: Db,
  payment: LockedPayment,
  input: CreditInput & { event?: { acquirer: string; eventId: string; type: string } },
  receipt: NotifyPlan | null,
): Promise<{ fresh: boolean; credited: boolean; transferId: string; firstLook: FirstLook | null }> {
  const clearing = CLEARING[payment.source];
  if (!clearing) throw new Error(`Payments from ${payment.source} are not credited through creditPayment`);
  const clearingId = OPERATOR_ACCOUNT_IDS[clearing];
  const transferId = newId('transfer', input.at);
  const { event, card } = input;
  const flipped = sql<boolean>`EXISTS (SELECT 1 FROM flipped)`;
  const writes = [
    insertWhere(
      'journal',
      journalInsertValues({
        actorKind: 'system',
        channel: 'system',
        lineId: payment.line_id,
        action: 'payment.received',
        details: { paymentId: payment.id, source: payment.source, amount: Number(payment.amount) },
      }),
      flipped,
    ),
    ...(receipt?.writes ?? []).map((write) => insertWhere(write.table, write.values, flipped)),
  ];
  const earned = topUpPointsEntry(bonusRulesFromRow(payment), {
    accountId: payment.account_id,
    lineId: payment.line_id,
    paymentId: payment.id,
    source: payment.source,
    amount: payment.amount,
    at: input.at,
  });
  // The transfer has no ON CONFLICT: its key `payment:<id>` is written only here, with the payment's success, so
  // a second one cannot exist; if it ever did, the statement fails and nothing moves. Lock order (each CTE waits
  // for the one it reads): the payment row, the subscriber's ledger row, the shared clearing row (decisions/0020:
  // held from here to the commit only), then the rows of the writes nothing reads (points, journal, receipt).
  const { rows } = await sql<{ fresh: boolean; credited: boolean } & FirstLook>`
    WITH ${
      event
        ? sql`event AS (
      INSERT INTO acquirer_webhook_events (acquirer, event_id, type, payment_id, received_at)
      VALUES (${event.acquirer}, ${event.eventId}, ${event.type}, ${payment.id}, ${input.at})
      ON CONFLICT (acquirer, event_id) DO NOTHING
      RETURNING event_id),`
        : sql``
    }
    flipped AS (
      UPDATE payments SET status = 'succeeded', transfer_id = ${transferId}, completed_at = ${input.at},
        external_id = ${input.externalId ? sql`${input.externalId}` : sql`external_id`},
        card_last4 = ${card ? sql`${card.last4}` : sql`card_last4`},
        card_brand = ${card ? sql`${card.brand}` : sql`card_brand`}
      WHERE id = ${payment.id} AND status = 'pending' ${event ? sql`AND EXISTS (SELECT 1 FROM event)` : sql``}
      RETURNING id),
    transfer AS (
      INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount, kind, idempotency_key, line_id,
        description, created_at)
      SELECT ${transferId}, ${clearingId}, ${payment.ledger_account_id}, ${payment.amount}::bigint, 'topup',
        ${`payment:${payment.id}`}, ${payment.line_id}, ${`${payment.source} payment ${payment.id}`},
        ${input.at}::timestamptz
      FROM flipped
      RETURNING credit_account_id, amount),
    credited AS (
      UPDATE ledger_accounts a SET balance = a.balance + t.amount FROM transfer t
      WHERE a.id = t.credit_account_id RETURNING a.id, a.balance),
    hot AS (
      UPDATE ledger_accounts SET balance = balance - ${payment.amount}::bigint
      WHERE id = ${clearingId} AND EXISTS (SELECT 1 FROM credited)
      RETURNING id),
    ${sql.join(
      writes.map((write, i) => sql`${sql.raw(`write_${i}`)} AS (${write})`),
      sql`, `,
    )}${earned ? sql`, ${earnPointsCtes(earned.id, earned, flipped)}` : sql``}
    SELECT ${event ? sql`EXISTS (SELECT 1 FROM event)` : sql`true`} AS fresh,
      EXISTS (SELECT 1 FROM hot) AS credited, f.*
    FROM (SELECT 1) AS one
    LEFT JOIN (${firstLookSql(payment.account_id, sql`(SELECT c.balance FROM credited c)`)}) AS f ON true`.execute(
    db,
  );
  const row = rows[0];
  const credited = row?.credited ?? false;
  const { fresh: _fresh, credited: _credited, ...firstLook } = row ?? {};
  return {
    fresh: row?.fresh ?? false,
    credited,
    transferId,
    firstLook: credited ? (firstLook as FirstLook) : null,
  };
}

/**
 * After a transaction that moved money committed: the balance rules for the accounts it touched (a top-up
 * unblocks a line blocked for debt; a debit may start the out-of-funds clock) and the outbox for its messages.
 * `firstLook`: the accounts' first look, when the statement that moved the money read it (`creditStatement`).
 */
export async function afterMoneyMoved(
  ctx: AppContext,
  accountIds: readonly string[],
  firstLook?: readonly FirstLook[],
): Promise<void> {
  if (accountIds.length > 0)
    await applyBalanceRules(ctx.db, accountIds, ctx.now(), {
      timeZone: ctx.timeZone,
      ...(firstLook ? { firstLook } : {}),
    });
  void ctx.outbox.kick();
}
