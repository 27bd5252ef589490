import { DEFAULT_TIME_ZONE, pointsExpireAt, topUpPoints } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { loadBonusRules, postPoints } from './points-ledger.ts';

export interface TopUpFacts {
  accountId: string;
  lineId: string | null;
  paymentId: string;
  source: string;
  amount: bigint;
  at: Date;
}

/**
 * BONUS-01: points for a top-up, by the configured rules, in the crediting transaction (called by
 * creditPayment after the money moved, so the points row is locked after the ledger rows). Keyed by the
 * payment id: a replayed webhook or a racing worker earns nothing twice. Sources the rules exclude (transfers,
 * promised payments) earn nothing. Expiry is counted in the operator's default zone (the hook has no context;
 * a few hours either way on a 12-month term).
 */
export async function accrueTopUpPoints(trx: Db, facts: TopUpFacts): Promise<void> {
  const rules = await loadBonusRules(trx);
  const points = topUpPoints(rules, facts.source, facts.amount);
  if (points === 0) return;
  await postPoints(trx, {
    accountId: facts.accountId,
    points,
    reason: 'top_up',
    reference: facts.paymentId,
    lineId: facts.lineId,
    idempotencyKey: `top_up:${facts.paymentId}`,
    at: facts.at,
    expiresAt: pointsExpireAt(rules, facts.at, DEFAULT_TIME_ZONE),
  });
}
