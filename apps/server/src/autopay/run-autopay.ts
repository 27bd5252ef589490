/**
 * PAY-04 one autopay attempt: claim (a keyed `payments` row + an `autopay_runs` row, committed before the card
 * is charged), charge the saved card's token, then finish (credit, or count the failure and schedule a retry or
 * pause). The payment id is the acquirer's idempotency key, and the run key is deterministic, so neither several
 * workers nor a restart between claim and charge can charge the card twice.
 */
import { afterFailure, exceededLimit, monthKey, monthlyDue, newId, startOfDay } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { type AcquirerPaymentState, AcquirerTimeoutError } from '../acquirer/acquirer.ts';
import { applyBalanceRules } from '../charging/balance-rules.ts';
import { smsDate } from '../charging/notify.ts';
import { recordJournal } from '../journal/record.ts';
import type { MoneyJobDeps } from '../money-jobs/money-job.ts';
import { notify } from '../notification-centre/notify.ts';
import { creditPayment } from '../payments/credit-payment.ts';
import { startOfMonth } from './autopay-query.ts';

/** A rule that may be due, with what deciding needs (one row of the job's one query). */
export interface AutopayCandidate {
  id: string;
  kind: 'threshold' | 'monthly';
  line_id: string;
  account_id: string;
  threshold: bigint | null;
  day_of_month: number | null;
  amount: bigint;
  daily_limit: bigint | null;
  monthly_limit: bigint | null;
  failures: number;
  cycle: number;
  last_period: string | null;
  created_at: Date;
  balance: bigint;
  spent_today: bigint;
  spent_month: bigint;
  card_token: string;
}

/**
 * The active rules that may be due now, in one query: threshold rules whose balance is below the threshold,
 * monthly rules not done this month; none with an attempt in flight or a retry not yet due. With `lockId`, the
 * one rule, locked (SKIP LOCKED: another worker holding it means it is being handled).
 */
export function candidateQuery(deps: Pick<MoneyJobDeps, 'now' | 'timeZone' | 'acquirer'>, lockId?: string) {
  const { now, timeZone } = deps;
  const dayStart = startOfDay(now, timeZone);
  const monthStart = startOfMonth(now, timeZone);
  const period = monthKey(now, timeZone);
  return sql<AutopayCandidate>`
    SELECT ap.id, ap.kind, ap.line_id, ap.account_id, ap.threshold, ap.day_of_month, ap.amount, ap.daily_limit,
      ap.monthly_limit, ap.failures, ap.cycle, ap.last_period, ap.created_at, la.balance, c.token AS card_token,
      COALESCE((SELECT sum(p.amount) FROM payments p WHERE p.account_id = ap.account_id AND p.source = 'autopay'
        AND p.status IN ('pending', 'succeeded') AND p.created_at >= ${dayStart}), 0)::bigint AS spent_today,
      COALESCE((SELECT sum(p.amount) FROM payments p WHERE p.account_id = ap.account_id AND p.source = 'autopay'
        AND p.status IN ('pending', 'succeeded') AND p.created_at >= ${monthStart}), 0)::bigint AS spent_month
    FROM autopays ap
    JOIN billing_accounts a ON a.id = ap.account_id
    JOIN ledger_accounts la ON la.id = a.ledger_account_id
    -- A card saved with another acquirer (the operator switched) cannot be charged through this one.
    JOIN saved_cards c ON c.id = ap.card_id AND c.removed_at IS NULL AND c.acquirer = ${deps.acquirer.name}
    WHERE ap.status = 'active' AND ap.deleted_at IS NULL
      AND (ap.retry_at IS NULL OR ap.retry_at <= ${now})
      AND NOT EXISTS (SELECT 1 FROM autopay_runs r WHERE r.autopay_id = ap.id AND r.status = 'pending')
      AND ((ap.kind = 'threshold' AND la.balance < ap.threshold)
        OR (ap.kind = 'monthly' AND ap.last_period IS DISTINCT FROM ${period}))
      ${lockId ? sql`AND ap.id = ${lockId}` : sql``}
    ORDER BY ap.id
    ${lockId ? sql`FOR UPDATE OF ap SKIP LOCKED` : sql``}`;
}

/** The pure part of "is it due": the month's day for monthly rules, and the limits for every rule. */
export function isDue(c: AutopayCandidate, deps: Pick<MoneyJobDeps, 'now' | 'timeZone'>): boolean {
  if (c.kind === 'monthly') {
    if (c.day_of_month === null) return false;
    const rule = { dayOfMonth: c.day_of_month, lastPeriod: c.last_period, createdAt: c.created_at };
    if (!monthlyDue(rule, deps.now, deps.timeZone)) return false;
  }
  return (
    exceededLimit({
      amount: c.amount,
      dailyLimit: c.daily_limit,
      monthlyLimit: c.monthly_limit,
      spentToday: BigInt(c.spent_today),
      spentThisMonth: BigInt(c.spent_month),
    }) === null
  );
}

interface ClaimedRun {
  runId: string;
  paymentId: string;
  amount: bigint;
  token: string;
}

/**
 * Claims the next attempt of a rule: under the rule's lock and the account's (limits count the account's
 * autopayments), it re-checks that the rule is still due, then writes the pending payment and the run, keyed
 * by rule, cycle or month, and attempt. Null when it is not due any more or another worker has it.
 */
async function claimRun(deps: MoneyJobDeps, autopayId: string): Promise<ClaimedRun | null> {
  return deps.db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('autopays')
      .select('account_id')
      .where('id', '=', autopayId)
      .executeTakeFirst();
    if (!account) return null;
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`autopay:${account.account_id}`}))`.execute(trx);
    const c = (await candidateQuery(deps, autopayId).execute(trx)).rows[0];
    if (!c || !isDue(c, deps)) return null;
    const attempt = c.failures + 1;
    const period = c.kind === 'monthly' ? monthKey(deps.now, deps.timeZone) : null;
    const runKey = `${c.id}:${period ? `m${period}` : `t${c.cycle}`}:a${attempt}`;
    const paymentId = newId('payment', deps.now);
    const inserted = await trx
      .insertInto('payments')
      .values({
        id: paymentId,
        account_id: c.account_id,
        line_id: c.line_id,
        source: 'autopay',
        amount: c.amount,
        status: 'pending',
        idempotency_key: `autopay:${runKey}`,
        acquirer: deps.acquirer.name,
        created_at: deps.now,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return null;
    const runId = newId('autopayRun', deps.now);
    await trx
      .insertInto('autopay_runs')
      .values({
        id: runId,
        autopay_id: c.id,
        run_key: runKey,
        payment_id: paymentId,
        attempt,
        period,
        amount: c.amount,
        created_at: deps.now,
        failure_reason: null,
        completed_at: null,
      })
      .execute();
    await trx
      .updateTable('autopays')
      .set({ last_run_at: deps.now, last_result: 'pending', updated_at: deps.now })
      .where('id', '=', c.id)
      .execute();
    return { runId, paymentId, amount: c.amount, token: c.card_token };
  });
}

/** Charges the card of a claimed run and finishes it; an unanswered charge stays pending for later. */
async function chargeRun(deps: MoneyJobDeps, run: ClaimedRun): Promise<void> {
  let state: AcquirerPaymentState;
  try {
    state = await deps.acquirer.chargeToken({
      paymentId: run.paymentId,
      amount: run.amount,
      token: run.token,
      description: `Автоплатёж / Autopay ${run.paymentId}`,
    });
  } catch (err) {
    // A timeout (or any unanswered call) leaves the payment pending: the acquirer may have charged the card.
    // The job asks again later under the same payment id; charging anew here could charge twice.
    if (err instanceof AcquirerTimeoutError) return;
    throw err;
  }
  await finishWithState(deps, run.runId, run.paymentId, state);
}

/** Applies the acquirer's answer about a run's payment: credit it, or record the failure. */
export async function finishWithState(
  deps: MoneyJobDeps,
  runId: string,
  paymentId: string,
  state: AcquirerPaymentState,
): Promise<boolean> {
  if (state.status === 'succeeded') {
    const accountId = await deps.db.transaction().execute(async (trx) => {
      // The run is finished first and its receipt goes with the credit: one `top_ups` notice, and the shared
      // clearing account is moved last in the transaction.
      const card = await finishRun(trx, deps, runId, { ok: true, receiptWithCredit: true });
      const credit = await creditPayment(trx, {
        paymentId,
        at: deps.now,
        externalId: state.externalId,
        ...(typeof card === 'string' ? { notice: { notice: 'autopay_paid', card } } : {}),
      });
      return credit.accountId;
    });
    await applyBalanceRules(deps.db, [accountId], deps.now, { timeZone: deps.timeZone });
    return true;
  }
  if (state.status === 'failed') {
    const reason = state.failureReason ?? 'declined';
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('payments')
        .set({
          status: 'failed',
          completed_at: deps.now,
          external_id: state.externalId,
          failure_reason: reason,
        })
        .where('id', '=', paymentId)
        .where('status', '=', 'pending')
        .execute();
      await finishRun(trx, deps, runId, { ok: false, reason });
    });
    return true;
  }
  return false;
}

/**
 * Finishes a run once (its row locked; a finished run is left alone): on success the rule's cycle (or month) is
 * done and the failures cleared; on failure the failure is counted and the rule retries later or, after the
 * last retry, pauses. The subscriber is told either way.
 */
export async function finishRun(
  trx: Db,
  deps: Pick<MoneyJobDeps, 'now' | 'timeZone'>,
  runId: string,
  outcome: { ok: true; receiptWithCredit?: boolean } | { ok: false; reason: string },
): Promise<boolean | string> {
  const run = await trx
    .selectFrom('autopay_runs')
    .selectAll()
    .where('id', '=', runId)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
  if (!run) return false;
  const rule = await trx
    .selectFrom('autopays as ap')
    .innerJoin('saved_cards as c', 'c.id', 'ap.card_id')
    .select(['ap.id', 'ap.kind', 'ap.line_id', 'ap.failures', 'c.brand', 'c.last4'])
    .where('ap.id', '=', run.autopay_id)
    .forUpdate('ap')
    .executeTakeFirstOrThrow();
  const { now } = deps;
  const card = `${rule.brand} •• ${rule.last4}`;
  const amount = Number(run.amount);
  const base = { status: outcome.ok ? ('succeeded' as const) : ('failed' as const), completed_at: now };
  await trx
    .updateTable('autopay_runs')
    .set(outcome.ok ? base : { ...base, failure_reason: outcome.reason })
    .where('id', '=', run.id)
    .execute();
  // The attempt's cycle (threshold) or month (monthly) is over when it paid or when the rule gives up.
  const cycleDone = { cycle: sql<number>`cycle + 1`, ...(run.period ? { last_period: run.period } : {}) };
  const journal = (action: string, details: Record<string, unknown>) =>
    recordJournal(trx, {
      actorKind: 'system',
      channel: 'system',
      lineId: rule.line_id,
      action,
      outcome: outcome.ok ? 'ok' : 'failed',
      details: { autopayId: rule.id, paymentId: run.payment_id, attempt: run.attempt, amount, ...details },
    });
  if (outcome.ok) {
    await trx
      .updateTable('autopays')
      .set({
        ...cycleDone,
        failures: 0,
        retry_at: null,
        last_result: 'succeeded',
        last_failure_reason: null,
        updated_at: now,
      })
      .where('id', '=', rule.id)
      .execute();
    await journal('autopay.charged', {});
    // Credited in this transaction: creditPayment sends the one receipt, with the card this returns.
    if (outcome.receiptWithCredit) return card;
    await notify(trx, {
      lineId: rule.line_id,
      event: 'top_ups',
      params: { notice: 'autopay_paid', amount, card },
    });
    return true;
  }
  const failures = rule.failures + 1;
  const next = afterFailure(failures, now);
  if (next.pause) {
    await trx
      .updateTable('autopays')
      .set({
        ...cycleDone,
        status: 'paused',
        paused_reason: 'failures',
        failures,
        retry_at: null,
        last_result: 'failed',
        last_failure_reason: outcome.reason,
        updated_at: now,
      })
      .where('id', '=', rule.id)
      .execute();
    await journal('autopay.failed', { reason: outcome.reason, paused: true });
    await notify(trx, {
      lineId: rule.line_id,
      event: 'top_ups',
      params: { notice: 'autopay_paused', amount, card },
    });
    return true;
  }
  await trx
    .updateTable('autopays')
    .set({
      failures,
      retry_at: next.retryAt,
      last_result: 'failed',
      last_failure_reason: outcome.reason,
      updated_at: now,
    })
    .where('id', '=', rule.id)
    .execute();
  await journal('autopay.failed', { reason: outcome.reason, retryAt: next.retryAt.toISOString() });
  await notify(trx, {
    lineId: rule.line_id,
    event: 'top_ups',
    params: { notice: 'autopay_failed', amount, card, date: retryText(next.retryAt, deps.timeZone) },
  });
  return true;
}

/** `04.12.2026 15:00` in the operator's zone, for the retry time in a notice. */
function retryText(at: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('ru-RU', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
  return `${smsDate(at, timeZone)} ${time}`;
}

/** Claims and charges one rule; true when an attempt was made. */
export async function runAutopay(deps: MoneyJobDeps, autopayId: string): Promise<boolean> {
  const run = await claimRun(deps, autopayId);
  if (!run) return false;
  await chargeRun(deps, run);
  return true;
}
