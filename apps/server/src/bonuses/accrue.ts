import { type BonusRules, DEFAULT_TIME_ZONE, newId, pointsExpireAt, topUpPoints } from '@kabinet/core';
import type { PointsEntry } from './points-ledger.ts';

export interface TopUpFacts {
  accountId: string;
  lineId: string | null;
  paymentId: string;
  source: string;
  amount: bigint;
  at: Date;
}

/**
 * BONUS-01: the points entry a top-up earns by the configured rules, or null when it earns none (sources the rules
 * exclude: transfers, promised payments). Keyed by the payment id, so a replayed webhook or a racing worker earns
 * nothing twice; creditPayment writes it in the crediting statement. Expiry is counted in the operator's default
 * zone (a few hours either way on a 12-month term).
 */
export function topUpPointsEntry(
  rules: BonusRules,
  facts: TopUpFacts,
): (PointsEntry & { id: string }) | null {
  const points = topUpPoints(rules, facts.source, facts.amount);
  if (points === 0) return null;
  return {
    id: newId('bonusEntry', facts.at),
    accountId: facts.accountId,
    points,
    reason: 'top_up',
    reference: facts.paymentId,
    lineId: facts.lineId,
    idempotencyKey: `top_up:${facts.paymentId}`,
    at: facts.at,
    expiresAt: pointsExpireAt(rules, facts.at, DEFAULT_TIME_ZONE),
  };
}
