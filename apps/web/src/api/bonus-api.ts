import { call } from './api-client';
import type { PackageUnit } from './catalog-types';
import type { LocalisedName } from './types';

/** Why points moved (BONUS-01). */
export type BonusReason = 'top_up' | 'spending' | 'redemption' | 'expiry' | 'adjustment';

export interface BonusEntry {
  id: string;
  at: string;
  points: number;
  reason: BonusReason;
  reference: string | null;
  expiresAt: string | null;
  reward: { code: string; name: LocalisedName } | null;
  forNumber: string | null;
}

/** A reward of the catalog (BONUS-02). */
export interface Reward {
  code: string;
  kind: 'package' | 'balance_credit' | 'coupon';
  cost: number;
  name: LocalisedName;
  description: LocalisedName;
  package: { kind: 'voice' | 'sms' | 'data'; amount: number; unit: PackageUnit; validDays: number } | null;
  credit: number | null;
  partner: string | null;
  inStock: boolean;
  affordable: boolean;
}

/** GET /lines/{id}/bonuses. */
export interface BonusState {
  balance: number;
  expiringSoon: { points: number; by: string | null };
  rules: {
    topUpKopecksPerPoint: number;
    topUpSources: string[];
    spendingKopecksPerPoint: number;
    expiryMonths: number;
  };
  history: BonusEntry[];
  rewards: Reward[];
}

/** The answer of a redemption; a coupon code is shown here only. */
export interface Redemption {
  id: string;
  reward: string;
  name: LocalisedName;
  points: number;
  targetNumber: string | null;
  forAnotherNumber: boolean;
  package: { kind: 'voice' | 'sms' | 'data'; amount: number; unit: PackageUnit; validUntil: string } | null;
  credited: number | null;
  coupon: { code: string; partner: string } | null;
  balance: number;
}

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET /lines/{id}/bonuses: points of the line's account, history, rules and the rewards catalog. */
export function getBonuses(lineId: string, signal?: AbortSignal): Promise<BonusState> {
  return call('GET', `${line(lineId)}/bonuses`, { signal });
}

/**
 * POST /lines/{id}/bonuses/redemptions: take a reward for points, for this line or another number (`phone`).
 * One `idempotencyKey` per confirmation dialog, reused on retry, so the points are spent once.
 */
export function redeemReward(
  lineId: string,
  input: { reward: string; phone?: string },
  idempotencyKey: string,
): Promise<Redemption> {
  return call('POST', `${line(lineId)}/bonuses/redemptions`, { body: input, idempotencyKey });
}
