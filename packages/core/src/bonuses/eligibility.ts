/**
 * BONUS-02 reward eligibility, pure: whether an account may take a reward for a line, and the reason when it
 * may not, in the order the subscriber should hear them.
 */

export type RedeemRefusal = 'reward_unavailable' | 'not_enough_points' | 'line_not_eligible';

export interface RedeemFacts {
  /** The reward exists and is offered. */
  rewardActive: boolean;
  /** Points it costs. */
  cost: number;
  /** The account's points balance. */
  balance: number;
  /** `package` rewards open a bucket: only on an active (or debt-blocked) mobile line. */
  needsMobileLine: boolean;
  targetKind: string;
  targetStatus: string;
}

/** Null when the reward may be taken; otherwise the first reason it may not. */
export function redeemRefusal(f: RedeemFacts): RedeemRefusal | null {
  if (!f.rewardActive) return 'reward_unavailable';
  if (f.targetStatus === 'closed') return 'line_not_eligible';
  if (f.needsMobileLine && f.targetKind !== 'mobile') return 'line_not_eligible';
  if (f.balance < f.cost) return 'not_enough_points';
  return null;
}

/** Whether a balance can afford a reward, and how many points are missing. */
export function pointsShortfall(balance: number, cost: number): number {
  return Math.max(0, cost - balance);
}
