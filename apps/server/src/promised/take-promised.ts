/**
 * PAY-05: takes a promised payment, exactly once per request key, in the caller's transaction: the credit
 * (credit:promised → subscriber) and the fee (subscriber → revenue:services) as ledger transfers, the
 * promised_payments row, a `payments` row of source `promised` for the payment history, a done request, a journal
 * entry and a notification with the due date. After commit the caller runs `afterMoneyMoved` (a line blocked for
 * debt is unblocked when the balance recovers).
 */
import { decidePromised, newId, type PromisedRules } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { AppError, problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { notify } from '../notification-centre/notify.ts';
import { recordRequest } from '../requests/record-request.ts';
import { promisedDueText } from './due-text.ts';
import { loadPromisedLine } from './promised-line.ts';

export interface TakePromisedInput {
  lineId: string;
  /** Who takes it; null for a USSD subscriber who never logged in to the cabinet. */
  loginId: string | null;
  ip: string | null;
  channel: 'web' | 'ussd';
  /** Exactly-once key: `web:<login>:<Idempotency-Key>` or `ussd:<session>`. */
  requestKey: string;
  amount: bigint;
  rules: PromisedRules;
  now: Date;
  timeZone: string;
}

export interface TakenPromised {
  id: string;
  amount: bigint;
  fee: bigint;
  takenAt: Date;
  dueAt: Date;
  accountId: string;
  requestId: string | null;
  balance: bigint;
  /** False when this request key had taken it already: nothing moved this time. */
  created: boolean;
}

/** Whole rubles for request titles: promised amounts are whole. */
const rub = (kopecks: bigint) => `${kopecks / 100n} ₽`;

export async function takePromisedPayment(trx: Db, input: TakePromisedInput): Promise<TakenPromised> {
  const line = await loadPromisedLine(trx, input.lineId, input.rules, input.now, true);
  const earlier = await trx
    .selectFrom('promised_payments')
    .select(['id', 'amount', 'fee', 'taken_at', 'due_at', 'account_id', 'request_id'])
    .where('request_key', '=', input.requestKey)
    .executeTakeFirst();
  if (earlier) {
    return {
      id: earlier.id,
      amount: earlier.amount,
      fee: earlier.fee,
      takenAt: earlier.taken_at,
      dueAt: earlier.due_at,
      accountId: earlier.account_id,
      requestId: earlier.request_id,
      balance: line.balance,
      created: false,
    };
  }
  const decision = decidePromised(line.facts, input.rules, input.now);
  if (!decision.eligible) {
    throw new AppError(
      409,
      'promised_not_eligible',
      `A promised payment is not available: ${decision.refusals.join(', ')}.`,
      { refusals: decision.refusals },
    );
  }
  const option = decision.options.find((o) => o.amount === input.amount);
  if (!option) {
    throw problems.field(
      'amount',
      'not_offered',
      `Choose one of the offered amounts: ${decision.options.map((o) => Number(o.amount)).join(', ')} kopecks.`,
    );
  }
  const id = newId('promisedPayment', input.now);
  const accounts = OPERATOR_ACCOUNT_IDS;
  const credit = await postTransfer(trx, {
    debitAccountId: accounts.promised,
    creditAccountId: line.ledgerAccountId,
    amount: option.amount,
    kind: 'promised_payment',
    idempotencyKey: `promised:${id}:credit`,
    lineId: input.lineId,
    description: `Promised payment ${id}`,
    at: input.now,
  });
  const fee =
    option.fee > 0n
      ? await postTransfer(trx, {
          debitAccountId: line.ledgerAccountId,
          creditAccountId: accounts.revenueServices,
          amount: option.fee,
          kind: 'promised_fee',
          idempotencyKey: `promised:${id}:fee`,
          lineId: input.lineId,
          description: `Fee of promised payment ${id}`,
          at: input.now,
        })
      : null;
  const requestId = await recordRequest(trx, {
    lineId: input.lineId,
    loginId: input.loginId,
    kind: 'promised_payment',
    statuses: ['accepted', 'done'],
    title: {
      ru: `Обещанный платёж ${rub(option.amount)}`,
      en: `Promised payment ${rub(option.amount)}`,
    },
    payload: {
      promisedPaymentId: id,
      amount: Number(option.amount),
      fee: Number(option.fee),
      dueAt: decision.dueAt.toISOString(),
    },
    now: input.now,
  });
  await trx
    .insertInto('promised_payments')
    .values({
      id,
      account_id: line.accountId,
      line_id: input.lineId,
      login_id: input.loginId,
      channel: input.channel,
      request_key: input.requestKey,
      amount: option.amount,
      fee: option.fee,
      status: 'active',
      taken_at: input.now,
      due_at: decision.dueAt,
      credit_transfer_id: credit.id,
      fee_transfer_id: fee?.id ?? null,
      request_id: requestId,
    })
    .execute();
  await trx
    .insertInto('payments')
    .values({
      id: newId('payment', input.now),
      account_id: line.accountId,
      line_id: input.lineId,
      source: 'promised',
      amount: option.amount,
      status: 'succeeded',
      transfer_id: credit.id,
      idempotency_key: `promised:${id}`,
      created_at: input.now,
      completed_at: input.now,
    })
    .execute();
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: input.loginId,
    loginId: input.loginId,
    channel: input.channel,
    lineId: input.lineId,
    action: 'promised_payment.taken',
    details: {
      promisedPaymentId: id,
      requestId,
      amount: Number(option.amount),
      fee: Number(option.fee),
      dueAt: decision.dueAt.toISOString(),
    },
    ip: input.ip,
  });
  await notify(trx, {
    lineId: input.lineId,
    event: 'promised_payment_due',
    params: { amount: Number(option.amount), due: promisedDueText(decision.dueAt, input.timeZone) },
  });
  return {
    id,
    amount: option.amount,
    fee: option.fee,
    takenAt: input.now,
    dueAt: decision.dueAt,
    accountId: line.accountId,
    requestId,
    balance: line.balance + option.amount - option.fee,
    created: true,
  };
}
