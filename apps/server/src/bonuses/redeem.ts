/**
 * BONUS-02: take a reward for points, for one's own line or any other number of ours. In one transaction (the
 * idempotency key's): the reward is applied, the redemption recorded, the points debited (409
 * `not_enough_points` rolls it all back), the journal written and both subscribers notified. Exactly once per
 * `Idempotency-Key`: its scope keys the points entry and the money transfer.
 */
import {
  DISPLAY_UNIT,
  formatPhone,
  newId,
  pointsShortfall,
  redeemRefusal,
  toDisplayUnits,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { CommandResult } from '../http/idempotency.ts';
import { notify } from '../notification-centre/notify.ts';
import { journalChange } from '../services/option-journal.ts';
import { type AppliedReward, applyReward, type RewardRow } from './apply-reward.ts';
import { bonusProblems } from './bonus-problems.ts';
import { pointsBalance, postPoints } from './points-ledger.ts';
import { loadSourceLine, resolveTargetLine } from './redeem-target.ts';

export interface RedeemInput {
  lineId: string;
  loginId: string;
  ip: string | null;
  reward: string;
  phone?: string;
  /** The idempotency scope (`login:key`). */
  scope: string;
  now: Date;
}

/** The answer of a redemption (stored for replays, so plain JSON: no bigints). */
export interface RedeemResult {
  id: string;
  reward: string;
  name: { ru: string; en: string };
  points: number;
  targetNumber: string | null;
  forAnotherNumber: boolean;
  package: { kind: 'voice' | 'sms' | 'data'; amount: number; unit: string; validUntil: string } | null;
  credited: number | null;
  coupon: { code: string; partner: string } | null;
  balance: number;
}

export interface RedeemOutcome {
  result: CommandResult<RedeemResult>;
  /** The account whose money moved (a balance credit), for `afterMoneyMoved` after commit. */
  creditedAccountId: string | null;
}

export async function redeemReward(trx: Db, input: RedeemInput): Promise<RedeemOutcome> {
  const source = await loadSourceLine(trx, input.lineId);
  const reward = await trx
    .selectFrom('bonus_rewards')
    .selectAll()
    .where('code', '=', input.reward)
    .executeTakeFirst();
  if (!reward?.active) throw bonusProblems.rewardUnavailable();
  const target = await resolveTargetLine(trx, source, input.phone);
  if (reward.kind === 'coupon' && target.id !== source.id) throw bonusProblems.couponNotGiftable();
  const balance = await pointsBalance(trx, source.account_id);
  const refusal = redeemRefusal({
    rewardActive: reward.active,
    cost: reward.cost,
    balance,
    needsMobileLine: reward.kind === 'package',
    targetKind: target.kind,
    targetStatus: target.status,
  });
  if (refusal === 'line_not_eligible') throw bonusProblems.lineNotEligible();
  if (refusal === 'not_enough_points')
    throw bonusProblems.notEnoughPoints(pointsShortfall(balance, reward.cost));
  if (refusal === 'reward_unavailable') throw bonusProblems.rewardUnavailable();

  const id = newId('redemption', input.now);
  const applied = await applyReward(trx, {
    reward,
    target,
    redemptionId: id,
    scope: input.scope,
    now: input.now,
  });
  await trx
    .insertInto('bonus_redemptions')
    .values({
      id,
      account_id: source.account_id,
      reward_code: reward.code,
      points: reward.cost,
      line_id: source.id,
      target_line_id: target.id,
      login_id: input.loginId,
      bucket_id: applied.bucketId,
      transfer_id: applied.transferId,
      coupon_id: applied.couponId,
      created_at: input.now,
    })
    .execute();
  // Points last: the ledger rows of a balance credit are locked before the points row, as in creditPayment.
  const posted = await postPoints(trx, {
    accountId: source.account_id,
    points: -reward.cost,
    reason: 'redemption',
    reference: id,
    lineId: source.id,
    idempotencyKey: `redemption:${input.scope}`,
    at: input.now,
  });
  const other = target.id !== source.id;
  await journalChange(trx, input, 'bonus.redeemed', {
    redemptionId: id,
    reward: reward.code,
    points: reward.cost,
    targetLineId: target.id,
    ...(applied.credited ? { credited: Number(applied.credited) } : {}),
  });
  const names = { reward_ru: reward.name_ru, reward_en: reward.name_en };
  await notify(trx, {
    lineId: source.id,
    event: 'charges',
    params: {
      notice: 'bonus_redeemed',
      points: reward.cost,
      ...names,
      number: other && target.msisdn ? formatPhone(target.msisdn) : '',
    },
  });
  if (other) {
    await notify(trx, {
      lineId: target.id,
      event: 'top_ups',
      params: {
        notice: 'bonus_gift',
        ...names,
        ...(applied.credited ? { amount: Number(applied.credited) } : {}),
      },
    });
  }
  return {
    result: { status: 201, body: redeemResult(id, reward, target.msisdn, other, applied, posted.balance) },
    creditedAccountId: applied.credited ? target.account_id : null,
  };
}

function redeemResult(
  id: string,
  reward: RewardRow,
  targetNumber: string | null,
  forAnotherNumber: boolean,
  applied: AppliedReward,
  balance: number,
): RedeemResult {
  const bucket = applied.bucket;
  return {
    id,
    reward: reward.code,
    name: { ru: reward.name_ru, en: reward.name_en },
    points: reward.cost,
    targetNumber,
    forAnotherNumber,
    package: bucket
      ? {
          kind: bucket.kind,
          amount: toDisplayUnits(bucket.kind, bucket.amount),
          unit: DISPLAY_UNIT[bucket.kind],
          validUntil: bucket.validUntil.toISOString(),
        }
      : null,
    credited: applied.credited === null ? null : Number(applied.credited),
    coupon: applied.coupon,
    balance,
  };
}
