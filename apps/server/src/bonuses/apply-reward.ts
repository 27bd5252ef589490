/**
 * BONUS-02: what a reward gives, applied in the redemption's transaction — a bucket of minutes or data on the
 * chosen line, money credited to its balance from the operator's `bonus:rewards` account, or a partner coupon
 * taken from the pool.
 */
import { newId } from '@kabinet/core';
import { type BonusRewardsTable, type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { type Selectable, sql } from 'kysely';
import { bonusProblems } from './bonus-problems.ts';
import type { RedeemLine } from './redeem-target.ts';

export type RewardRow = Selectable<BonusRewardsTable>;

export interface AppliedReward {
  bucketId: string | null;
  bucket: { kind: 'voice' | 'sms' | 'data'; amount: bigint; validUntil: Date } | null;
  transferId: string | null;
  credited: bigint | null;
  couponId: string | null;
  coupon: { code: string; partner: string } | null;
}

const DAY_MS = 86_400_000;

export async function applyReward(
  trx: Db,
  input: { reward: RewardRow; target: RedeemLine; redemptionId: string; scope: string; now: Date },
): Promise<AppliedReward> {
  const { reward, target, now } = input;
  const none: AppliedReward = {
    bucketId: null,
    bucket: null,
    transferId: null,
    credited: null,
    couponId: null,
    coupon: null,
  };
  if (reward.kind === 'package') return { ...none, ...(await openRewardBucket(trx, reward, target, now)) };
  if (reward.kind === 'balance_credit') {
    const amount = reward.amount ?? 0n;
    const accounts = OPERATOR_ACCOUNT_IDS;
    const transfer = await postTransfer(trx, {
      debitAccountId: accounts.bonusRewards,
      creditAccountId: target.ledger_account_id,
      amount,
      kind: 'bonus_reward',
      idempotencyKey: `bonus_redemption:${input.scope}`,
      lineId: target.id,
      description: `bonus reward ${reward.code}, redemption ${input.redemptionId}`,
      at: now,
    });
    return { ...none, transferId: transfer.id, credited: amount };
  }
  const coupon = await sql<{ id: string; code: string }>`
    SELECT id, code FROM bonus_coupons WHERE reward_code = ${reward.code} AND redemption_id IS NULL
    ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`
    .execute(trx)
    .then((r) => r.rows[0]);
  if (!coupon) throw bonusProblems.outOfStock();
  await trx
    .updateTable('bonus_coupons')
    .set({ redemption_id: input.redemptionId })
    .where('id', '=', coupon.id)
    .execute();
  return { ...none, couponId: coupon.id, coupon: { code: coupon.code, partner: reward.partner ?? '' } };
}

/**
 * Opens a bucket of the reward's package on the line for `valid_days` (rating spends it like any option
 * bucket; the dashboard shows it). A second one at the very same instant adds to the first.
 */
async function openRewardBucket(trx: Db, reward: RewardRow, target: RedeemLine, now: Date) {
  const template = await trx
    .selectFrom('package_templates')
    .select(['id', 'kind', 'amount'])
    .where('id', '=', reward.package_template_id ?? '')
    .executeTakeFirstOrThrow();
  const validUntil = new Date(now.getTime() + (reward.valid_days ?? 30) * DAY_MS);
  const bucket = await trx
    .insertInto('buckets')
    .values({
      id: newId('bucket', now),
      line_id: target.id,
      package_template_id: template.id,
      kind: template.kind,
      total: template.amount,
      used: 0n,
      period_start: now,
      period_end: validUntil,
    })
    .onConflict((oc) =>
      oc.columns(['line_id', 'package_template_id', 'period_start']).doUpdateSet({
        total: sql`buckets.total + excluded.total`,
        period_end: sql`excluded.period_end`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return { bucketId: bucket.id, bucket: { kind: template.kind, amount: template.amount, validUntil } };
}
