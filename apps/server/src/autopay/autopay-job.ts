/**
 * PAY-04 the autopay pass, every minute after the charging pass (money-jobs/run-money-jobs.ts): first it
 * finishes attempts whose payment was decided meanwhile (reconciliation, a late answer), then it finds the due
 * rules in one query and makes one attempt each. Idempotent and safe on several workers: a rule is claimed
 * under its lock with a deterministic key, and the acquirer is asked under the payment id (its idempotency key).
 */
import { sql } from 'kysely';
import { AcquirerTimeoutError } from '../acquirer/acquirer.ts';
import { recordJournal } from '../journal/record.ts';
import type { MoneyJobDeps } from '../money-jobs/money-job.ts';
import { notify } from '../notification-centre/notify.ts';
import { candidateQuery, finishRun, finishWithState, isDue, runAutopay } from './run-autopay.ts';

/** An attempt still pending after this long is asked about again (the first worker's call is long over). */
export const STALE_RUN_MS = 5 * 60_000;

export async function runAutopayJobs(deps: MoneyJobDeps): Promise<number> {
  const errors: unknown[] = [];
  let done = await settlePendingRuns(deps, errors);
  done += await pauseUnchargeable(deps);
  await rearmRecoveredThresholds(deps);
  const candidates = (await candidateQuery(deps).execute(deps.db)).rows;
  for (const candidate of candidates) {
    if (!isDue(candidate, deps)) continue;
    // One rule's trouble (an acquirer error: its payment stays pending, settled later) does not stop the others.
    try {
      if (await runAutopay(deps, candidate.id)) done++;
    } catch (err) {
      errors.push(err);
    }
  }
  // Reported after the pass, so the money-jobs runner logs it.
  if (errors.length > 0) throw errors[0];
  return done;
}

/**
 * Active rules whose card was saved with another acquirer than the one in use (the operator switched) can never
 * run: each is paused as `card_unusable` — once, as only active rules are looked at — journaled, and its line
 * told which card and what to do. Returns how many.
 */
export async function pauseUnchargeable(deps: MoneyJobDeps): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; line_id: string; amount: bigint; brand: string; last4: string }>`
      UPDATE autopays ap SET status = 'paused', paused_reason = 'card_unusable', retry_at = NULL,
        updated_at = ${deps.now}
      FROM saved_cards c
      WHERE c.id = ap.card_id AND ap.status = 'active' AND ap.deleted_at IS NULL AND c.removed_at IS NULL
        AND c.acquirer <> ${deps.acquirer.name}
      RETURNING ap.id, ap.line_id, ap.amount, c.brand, c.last4`.execute(trx);
    for (const rule of rows) {
      await recordJournal(trx, {
        actorKind: 'system',
        channel: 'system',
        lineId: rule.line_id,
        action: 'autopay.paused',
        details: { autopayId: rule.id, reason: 'card_unusable' },
      });
      await notify(trx, {
        lineId: rule.line_id,
        event: 'top_ups',
        params: {
          notice: 'autopay_card_unusable',
          amount: Number(rule.amount),
          card: `${rule.brand} •• ${rule.last4}`,
        },
      });
    }
    return rows.length;
  });
}

interface PendingRun {
  id: string;
  payment_id: string;
  payment_status: 'pending' | 'succeeded' | 'failed' | 'refunded';
  external_id: string | null;
  failure_reason: string | null;
  created_at: Date;
  amount: bigint;
  token: string;
}

/**
 * Attempts left pending: when their payment has been decided (slice A's reconciliation credited or failed it),
 * the run is finished accordingly; when it is still pending after `STALE_RUN_MS`, the acquirer is asked again
 * with the same payment id — its idempotency key, so it answers with the one charge it made (or makes the one
 * it never received, e.g. after a crash between claim and charge), never a second.
 */
async function settlePendingRuns(deps: MoneyJobDeps, errors: unknown[]): Promise<number> {
  const pending = (
    await sql<PendingRun>`
      SELECT r.id, r.payment_id, p.status AS payment_status, p.external_id, p.failure_reason, r.created_at,
        r.amount, c.token
      FROM autopay_runs r
      JOIN payments p ON p.id = r.payment_id
      JOIN autopays ap ON ap.id = r.autopay_id
      JOIN saved_cards c ON c.id = ap.card_id
      WHERE r.status = 'pending'
      ORDER BY r.created_at`.execute(deps.db)
  ).rows;
  let done = 0;
  for (const run of pending) {
    if (run.payment_status === 'succeeded' || run.payment_status === 'failed') {
      const outcome =
        run.payment_status === 'succeeded'
          ? ({ ok: true } as const)
          : ({ ok: false, reason: run.failure_reason ?? 'declined' } as const);
      const finished = await deps.db.transaction().execute((trx) => finishRun(trx, deps, run.id, outcome));
      if (finished) done++;
      continue;
    }
    if (run.payment_status !== 'pending') continue;
    if (deps.now.getTime() - run.created_at.getTime() < STALE_RUN_MS) continue;
    try {
      const state = run.external_id
        ? await deps.acquirer.fetchPayment(run.external_id)
        : await deps.acquirer.chargeToken({
            paymentId: run.payment_id,
            amount: run.amount,
            token: run.token,
            description: `Автоплатёж / Autopay ${run.payment_id}`,
          });
      if (await finishWithState(deps, run.id, run.payment_id, state)) done++;
    } catch (err) {
      if (!(err instanceof AcquirerTimeoutError)) errors.push(err);
    }
  }
  return done;
}

/**
 * A threshold rule that failed and is waiting to retry, whose balance recovered meanwhile (the subscriber
 * topped up): nothing to retry — its failures are cleared and it waits for the next crossing.
 */
async function rearmRecoveredThresholds(deps: MoneyJobDeps): Promise<void> {
  await sql`
    UPDATE autopays ap SET failures = 0, retry_at = NULL, cycle = ap.cycle + 1, updated_at = ${deps.now}
    FROM billing_accounts a JOIN ledger_accounts la ON la.id = a.ledger_account_id
    WHERE a.id = ap.account_id AND ap.kind = 'threshold' AND ap.status = 'active' AND ap.failures > 0
      AND ap.deleted_at IS NULL AND la.balance >= ap.threshold
      AND NOT EXISTS (SELECT 1 FROM autopay_runs r WHERE r.autopay_id = ap.id AND r.status = 'pending')`.execute(
    deps.db,
  );
}
