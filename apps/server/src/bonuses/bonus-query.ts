/**
 * BONUS-01/02 what the bonuses screen shows for a line's account: the points balance, what expires soon, the
 * history of points, the rules in force and the rewards catalog with what each gives.
 */
import { DISPLAY_UNIT, pointsToExpire, toDisplayUnits } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { loadBonusRules, pointsBalance } from './points-ledger.ts';
import { loadSourceLine } from './redeem-target.ts';

const HISTORY_LIMIT = 100;
const DAY_MS = 86_400_000;

export async function loadBonusState(db: Db, lineId: string, now: Date) {
  const line = await loadSourceLine(db, lineId);
  const rules = await loadBonusRules(db);
  const soon = new Date(now.getTime() + rules.expiringSoonDays * DAY_MS);
  const [balance, expiry, history, rewards] = await Promise.all([
    pointsBalance(db, line.account_id),
    sql<{ earned: number; debited: number; by: Date | null }>`
      SELECT COALESCE(sum(points) FILTER (WHERE points > 0 AND expires_at <= ${soon}), 0)::int AS earned,
        COALESCE(-sum(points) FILTER (WHERE points < 0), 0)::int AS debited,
        max(expires_at) FILTER (WHERE points > 0 AND expires_at > ${now} AND expires_at <= ${soon}) AS by
      FROM bonus_entries WHERE account_id = ${line.account_id}`
      .execute(db)
      .then((r) => r.rows[0]),
    db
      .selectFrom('bonus_entries as e')
      .leftJoin('bonus_redemptions as r', 'r.id', 'e.reference')
      .leftJoin('bonus_rewards as w', 'w.code', 'r.reward_code')
      .leftJoin('lines as t', 't.id', 'r.target_line_id')
      .select([
        'e.id',
        'e.points',
        'e.reason',
        'e.reference',
        'e.created_at',
        'e.expires_at',
        'w.code as reward_code',
        'w.name_ru',
        'w.name_en',
        't.msisdn as target_msisdn',
        'r.target_line_id',
        'r.line_id as redeemed_line_id',
      ])
      .where('e.account_id', '=', line.account_id)
      .orderBy('e.seq', 'desc')
      .limit(HISTORY_LIMIT)
      .execute(),
    db
      .selectFrom('bonus_rewards as w')
      .leftJoin('package_templates as p', 'p.id', 'w.package_template_id')
      .select([
        'w.code',
        'w.kind',
        'w.cost',
        'w.name_ru',
        'w.name_en',
        'w.description_ru',
        'w.description_en',
        'w.valid_days',
        'w.amount',
        'w.partner',
        'p.kind as package_kind',
        'p.amount as package_amount',
        sql<boolean>`w.kind <> 'coupon' OR EXISTS (SELECT 1 FROM bonus_coupons c
          WHERE c.reward_code = w.code AND c.redemption_id IS NULL)`.as('in_stock'),
      ])
      .where('w.active', '=', true)
      .orderBy('w.sort')
      .orderBy('w.code')
      .execute(),
  ]);
  // Expiry already due but not yet posted by the job counts as expiring now.
  const expiring = Math.min(balance, pointsToExpire(expiry?.earned ?? 0, expiry?.debited ?? 0));
  return {
    balance,
    expiringSoon: {
      points: expiring,
      by: expiring > 0 && expiry?.by ? expiry.by.toISOString() : null,
    },
    rules: {
      topUpKopecksPerPoint: Number(rules.topUpKopecksPerPoint),
      topUpSources: [...rules.topUpSources],
      spendingKopecksPerPoint: Number(rules.spendingKopecksPerPoint),
      expiryMonths: rules.expiryMonths,
    },
    history: history.map((e) => ({
      id: e.id,
      at: e.created_at.toISOString(),
      points: e.points,
      reason: e.reason,
      reference: e.reason === 'redemption' ? null : e.reference || null,
      expiresAt: e.expires_at ? e.expires_at.toISOString() : null,
      reward:
        e.reward_code && e.name_ru && e.name_en
          ? { code: e.reward_code, name: { ru: e.name_ru, en: e.name_en } }
          : null,
      forNumber: e.target_line_id && e.target_line_id !== e.redeemed_line_id ? e.target_msisdn : null,
    })),
    rewards: rewards.map((w) => ({
      code: w.code,
      kind: w.kind,
      cost: w.cost,
      name: { ru: w.name_ru, en: w.name_en },
      description: { ru: w.description_ru, en: w.description_en },
      package:
        w.package_kind && w.package_amount !== null
          ? {
              kind: w.package_kind,
              amount: toDisplayUnits(w.package_kind, w.package_amount),
              unit: DISPLAY_UNIT[w.package_kind],
              validDays: w.valid_days ?? 0,
            }
          : null,
      credit: w.kind === 'balance_credit' && w.amount !== null ? Number(w.amount) : null,
      partner: w.partner,
      inStock: w.in_stock,
      affordable: balance >= w.cost,
    })),
  };
}
