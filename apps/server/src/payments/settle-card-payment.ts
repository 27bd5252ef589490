/**
 * PAY-01/02: what the acquirer's word about a card payment does to it — from a webhook or from reconciliation,
 * the same code. Succeeded: credited exactly once (creditPayment), the card remembered for the receipt and saved
 * when asked. Failed: the payment fails with the acquirer's reason. Any other state, a second word about a
 * settled payment, or one that contradicts it (out-of-order or forged-looking) changes nothing.
 */
import { compiledOnce, type Db } from '@kabinet/db';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { AcquirerPaymentState } from '../acquirer/acquirer.ts';
import { saveCardToken } from '../autopay/saved-cards.ts';
import type { FirstLook } from '../charging/balance-rules.ts';
import { recordJournal } from '../journal/record.ts';
import { planNotice, recipientsQuery, toRecipients } from '../notification-centre/notify.ts';
import {
  creditPayment,
  creditStatement,
  lockPaymentQuery,
  paymentQuery,
  receiptOf,
} from './credit-payment.ts';

/** `duplicate`: a webhook event seen before (only with an `event`). */
export type SettleOutcome = 'credited' | 'failed' | 'unchanged' | 'ignored' | 'duplicate';

export interface Settled {
  outcome: SettleOutcome;
  accountId: string;
  /** Why a word was ignored (for logs): `external_id_mismatch`, `amount_mismatch`, `already_failed` … */
  note?: string;
  /** The account's first look for the balance rules, when the credit read it (`creditStatement`). */
  firstLook?: FirstLook;
}

/** The line a payer's journal entry belongs to: the target when it is one of theirs, else none (login only). */
export async function payerJournalLine(
  db: Db,
  loginId: string,
  lineId: string | null,
): Promise<string | null> {
  if (!lineId) return null;
  const grant = await db
    .selectFrom('grants')
    .select('id')
    .where('login_id', '=', loginId)
    .where('line_id', '=', lineId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return grant ? lineId : null;
}

/** The card the acquirer says paid, when it names one plausibly (four digits). */
function cardPaidWith(state: AcquirerPaymentState): { last4: string; brand: string } | null {
  const card = state.paidWith ?? (state.card ? { last4: state.card.last4, brand: state.card.brand } : null);
  return card && /^\d{4}$/.test(card.last4) ? card : null;
}

/** The webhook event a word came in, recorded with the payment's lock so that a redelivery is told apart. */
export interface WebhookEvent {
  eventId: string;
  type: string;
}

/**
 * Applies the acquirer's state to our payment in the caller's transaction; the payment row is locked first, so
 * racing webhooks and reconciliation workers serialise on it. Null when there is no such card payment. With an
 * `event`, the event's id is recorded in the same statement as the lock, and a redelivered one is `duplicate`
 * (nothing else done).
 */
export async function settleCardPayment(
  trx: Db,
  input: {
    paymentId: string;
    acquirer: string;
    state: AcquirerPaymentState;
    at: Date;
    event?: WebhookEvent;
  },
): Promise<Settled | null> {
  const { event } = input;
  const from = event
    ? trx.with('event', (db) =>
        db
          .insertInto('acquirer_webhook_events')
          .values({
            acquirer: input.acquirer,
            event_id: event.eventId,
            type: event.type,
            payment_id: input.paymentId,
            received_at: input.at,
          })
          .onConflict((oc) => oc.columns(['acquirer', 'event_id']).doNothing())
          .returning('event_id'),
      )
    : trx;
  const payment = await lockPaymentQuery(from, input.paymentId)
    .select(['p.external_id', 'p.payer_login_id', 'p.save_card', 'p.acquirer'])
    .select(sql<boolean>`${event ? sql`EXISTS (SELECT 1 FROM event)` : sql`true`}`.as('fresh'))
    .where('p.source', '=', 'card')
    .executeTakeFirst();
  if (!payment) return null;
  if (!payment.fresh) return { outcome: 'duplicate', accountId: payment.account_id };
  const { state } = input;
  const accountId = payment.account_id;
  if (
    payment.acquirer !== input.acquirer ||
    (payment.external_id && payment.external_id !== state.externalId)
  ) {
    return { outcome: 'ignored', accountId, note: 'external_id_mismatch' };
  }
  if (state.status !== 'succeeded' && state.status !== 'failed') return { outcome: 'unchanged', accountId };
  if (payment.status !== 'pending') {
    const agrees = payment.status === state.status;
    return {
      outcome: agrees ? 'unchanged' : 'ignored',
      accountId,
      ...(agrees ? {} : { note: `already_${payment.status}` }),
    };
  }
  const paidWith = cardPaidWith(state);
  const cardColumns = paidWith ? { card_last4: paidWith.last4, card_brand: paidWith.brand } : {};

  if (state.status === 'failed') {
    const reason = state.failureReason ?? 'failed';
    await trx
      .updateTable('payments')
      .set({ status: 'failed', failure_reason: reason, completed_at: input.at, ...cardColumns })
      .where('id', '=', payment.id)
      .execute();
    if (payment.payer_login_id) {
      await recordJournal(trx, {
        actorKind: 'system',
        channel: 'system',
        loginId: payment.payer_login_id,
        lineId: await payerJournalLine(trx, payment.payer_login_id, payment.line_id),
        action: 'payment.failed',
        outcome: 'failed',
        details: { paymentId: payment.id, source: 'card', amount: Number(payment.amount), reason },
      });
    }
    return { outcome: 'failed', accountId };
  }

  // A success for another amount than we asked is not ours to credit: left for the operator (logged by the caller).
  if (state.amount !== payment.amount) return { outcome: 'ignored', accountId, note: 'amount_mismatch' };
  const credit = await creditPayment(trx, {
    paymentId: payment.id,
    at: input.at,
    externalId: state.externalId,
    locked: payment,
    ...(paidWith ? { card: paidWith } : {}),
  });
  // PAY-04: the card is saved for the payer's own account only (the checkbox is refused for other numbers).
  if (credit.credited && payment.save_card && state.card && payment.payer_login_id) {
    await saveCardToken(trx, {
      accountId,
      loginId: payment.payer_login_id,
      acquirer: input.acquirer,
      card: state.card,
      lineId: payment.line_id,
    });
  }
  return { outcome: credit.credited ? 'credited' : 'unchanged', accountId };
}

/**
 * A webhook's first look: the payment with what crediting needs (`paymentQuery`), its line's number, whether the
 * event was seen, and the receipt's recipients. Built once: it runs for every delivery.
 */
const webhookLook = compiledOnce((db: Db, paymentId: string, acquirer: string, eventId: string) =>
  paymentQuery(db, paymentId)
    .leftJoin('lines as l', 'l.id', 'p.line_id')
    .select(['p.external_id', 'p.save_card', 'p.acquirer', 'l.msisdn as line_msisdn'])
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('acquirer_webhook_events as e')
            .select('e.event_id')
            .where('e.acquirer', '=', acquirer)
            .where('e.event_id', '=', eventId),
        )
        .as('seen'),
      jsonArrayFrom(recipientsQuery(db, { lineId: sql<string | null>`p.line_id`, event: 'top_ups' })).as(
        'recipients',
      ),
    ])
    .where('p.source', '=', 'card'),
);

/**
 * A webhook's word (decisions/0031): the common case — a new event saying a pending payment of the amount asked
 * succeeded, with no card to save — in two statements outside any transaction: one read (the payment, the bonus
 * rules, the receipt's recipients, whether the event was seen) and `creditStatement`, which records the event and
 * credits only if the payment is still pending and the event still new. Anything else, or a race lost to another
 * delivery, goes the locked way (`settleCardPayment` in a transaction). Null when there is no such card payment;
 * then nothing is written, so the acquirer's retry is looked at again.
 */
export async function settleWebhook(
  db: Db,
  input: {
    paymentId: string;
    acquirer: string;
    state: AcquirerPaymentState;
    at: Date;
    event: WebhookEvent;
  },
): Promise<Settled | null> {
  const { state, event } = input;
  const look = (await webhookLook(db, input.paymentId, input.acquirer, event.eventId)).rows[0];
  if (!look) return null;
  const accountId = look.account_id;
  if (look.seen) return { outcome: 'duplicate', accountId };
  const fast =
    state.status === 'succeeded' &&
    look.status === 'pending' &&
    look.acquirer === input.acquirer &&
    (!look.external_id || look.external_id === state.externalId) &&
    state.amount === look.amount &&
    !look.save_card;
  if (fast) {
    const receipt = look.line_id
      ? planNotice(toRecipients(look.recipients, look.line_msisdn), receiptOf(look, {}))
      : null;
    const paidWith = cardPaidWith(state);
    const credit = await creditStatement(
      db,
      look,
      {
        at: input.at,
        externalId: state.externalId,
        event: { acquirer: input.acquirer, ...event },
        ...(paidWith ? { card: paidWith } : {}),
      },
      receipt,
    );
    if (credit.credited) {
      return { outcome: 'credited', accountId, ...(credit.firstLook ? { firstLook: credit.firstLook } : {}) };
    }
    if (!credit.fresh) return { outcome: 'duplicate', accountId };
    // The event is recorded, but the payment was settled by another word in between: judged under the lock.
    return db.transaction().execute((trx) => settleCardPayment(trx, { ...input, event: undefined }));
  }
  // Found by the read above, so found again under the lock (a card payment is never deleted nor re-sourced).
  return db.transaction().execute((trx) => settleCardPayment(trx, input));
}
