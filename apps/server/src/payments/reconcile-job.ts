import { AcquirerTimeoutError } from '../acquirer/acquirer.ts';
import { applyBalanceRules } from '../charging/balance-rules.ts';
import type { MoneyJobDeps } from '../money-jobs/money-job.ts';
import { settleCardPayment } from './settle-card-payment.ts';

/** A card payment still pending this long is looked up at the acquirer (its webhook may be lost or late). */
export const RECONCILE_AFTER_MS = 2 * 60_000;
const BATCH = 200;

/**
 * PAY-01 reconciliation of card payments left pending (a lost webhook, an acquirer that timed out): each is
 * looked up with `acquirer.fetchPayment` and credited or failed through the same `settleCardPayment` as the
 * webhooks — the payment row lock and creditPayment's checks make it exactly once, whichever comes first and
 * however many workers run it. An acquirer that times out again leaves the payment pending for the next pass.
 * Returns how many payments were settled.
 */
export async function reconcilePendingPayments(deps: MoneyJobDeps): Promise<number> {
  const { db, acquirer, now } = deps;
  const due = await db
    .selectFrom('payments')
    .select(['id', 'external_id'])
    .where('status', '=', 'pending')
    .where('source', '=', 'card')
    .where('acquirer', '=', acquirer.name)
    .where('external_id', 'is not', null)
    .where('created_at', '<', new Date(now.getTime() - RECONCILE_AFTER_MS))
    .orderBy('created_at')
    .limit(BATCH)
    .execute();
  let settled = 0;
  const credited = new Set<string>();
  for (const payment of due) {
    let state: Awaited<ReturnType<typeof acquirer.fetchPayment>>;
    try {
      state = await acquirer.fetchPayment(payment.external_id as string);
    } catch (err) {
      if (err instanceof AcquirerTimeoutError) continue;
      throw err;
    }
    if (state.status !== 'succeeded' && state.status !== 'failed') continue;
    const result = await db
      .transaction()
      .execute((trx) =>
        settleCardPayment(trx, { paymentId: payment.id, acquirer: acquirer.name, state, at: now }),
      );
    if (result?.outcome === 'credited') credited.add(result.accountId);
    if (result?.outcome === 'credited' || result?.outcome === 'failed') settled += 1;
  }
  // What `afterMoneyMoved` does after a credit, without an app context: balance rules, then the outbox.
  if (credited.size > 0) await applyBalanceRules(db, [...credited], now, { timeZone: deps.timeZone });
  if (settled > 0) void deps.outbox?.kick();
  return settled;
}
