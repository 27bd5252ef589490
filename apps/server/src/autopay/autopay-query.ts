/** PAY-04/09 reading: the line's saved cards, autopay rules with their state, and the low-balance threshold. */
import { exceededLimit, fromWallClock, nextMonthlyRun, startOfDay, toWallClock } from '@kabinet/core';
import type { Autopay, Db, SavedCard } from '@kabinet/db';
import type { Static } from 'typebox';
import { problems } from '../http/problem.ts';
import { listSavedCards } from './saved-cards.ts';
import type { AutopayOverview, AutopaySchema, SavedCardSchema } from './schemas.ts';

/** The billing account of a line (the guard has checked access already). */
export async function accountOfLine(db: Db, lineId: string): Promise<string> {
  const line = await db.selectFrom('lines').select('account_id').where('id', '=', lineId).executeTakeFirst();
  if (!line) throw problems.notFound('line');
  return line.account_id;
}

export function cardView(card: SavedCard): Static<typeof SavedCardSchema> {
  return {
    id: card.id,
    brand: card.brand,
    last4: card.last4,
    expires: card.expires,
    createdAt: card.created_at.toISOString(),
  };
}

/** Start of the operator's month containing `now`. */
export function startOfMonth(now: Date, timeZone: string): Date {
  const w = toWallClock(now, timeZone);
  return fromWallClock({ ...w, day: 1, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** Autopayments of the account (succeeded or in flight) today and this month, for the limits. */
export async function autopaySpend(
  db: Db,
  accountId: string,
  now: Date,
  timeZone: string,
): Promise<{ today: bigint; month: bigint }> {
  const dayStart = startOfDay(now, timeZone);
  const monthStart = startOfMonth(now, timeZone);
  const row = await db
    .selectFrom('payments')
    .select((eb) => [
      eb.fn
        .coalesce(
          eb.fn.sum<bigint>(eb.case().when('created_at', '>=', dayStart).then(eb.ref('amount')).end()),
          eb.lit(0),
        )
        .as('today'),
      eb.fn.coalesce(eb.fn.sum<bigint>('amount'), eb.lit(0)).as('month'),
    ])
    .where('account_id', '=', accountId)
    .where('source', '=', 'autopay')
    .where('status', 'in', ['pending', 'succeeded'])
    .where('created_at', '>=', monthStart)
    .executeTakeFirstOrThrow();
  return { today: BigInt(row.today), month: BigInt(row.month) };
}

/**
 * How a rule looks to its owner: state, next run, the limit holding it back, and whether its card can be charged
 * (not removed, saved with `acquirer`, the one in use); a rule whose card cannot be charged does not run.
 */
export function autopayView(
  rule: Autopay,
  card: SavedCard,
  context: { now: Date; timeZone: string; spend: { today: bigint; month: bigint }; acquirer: string },
): Static<typeof AutopaySchema> {
  const { now, timeZone } = context;
  const cardChargeable = card.removed_at === null && card.acquirer === context.acquirer;
  let nextRunAt: Date | null = null;
  if (rule.status === 'active' && cardChargeable) {
    if (rule.retry_at && rule.retry_at > now) nextRunAt = rule.retry_at;
    else if (rule.kind === 'monthly' && rule.day_of_month !== null) {
      nextRunAt = nextMonthlyRun(
        { dayOfMonth: rule.day_of_month, lastPeriod: rule.last_period, createdAt: rule.created_at },
        now,
        timeZone,
      );
    }
  }
  const limitReached = exceededLimit({
    amount: rule.amount,
    dailyLimit: rule.daily_limit,
    monthlyLimit: rule.monthly_limit,
    spentToday: context.spend.today,
    spentThisMonth: context.spend.month,
  });
  return {
    id: rule.id,
    lineId: rule.line_id,
    kind: rule.kind,
    threshold: rule.threshold === null ? null : Number(rule.threshold),
    dayOfMonth: rule.day_of_month,
    amount: Number(rule.amount),
    card: cardView(card),
    cardRemoved: card.removed_at !== null,
    cardChargeable,
    dailyLimit: rule.daily_limit === null ? null : Number(rule.daily_limit),
    monthlyLimit: rule.monthly_limit === null ? null : Number(rule.monthly_limit),
    status: rule.status,
    pausedReason: rule.paused_reason,
    failures: rule.failures,
    lastRunAt: rule.last_run_at?.toISOString() ?? null,
    lastResult: rule.last_result,
    lastFailureReason: rule.last_failure_reason,
    nextRunAt: nextRunAt?.toISOString() ?? null,
    limitReached: rule.status === 'active' ? limitReached : null,
    createdAt: rule.created_at.toISOString(),
  };
}

/** One rule of the line with its card, or 404 (another line's rule, a deleted one). */
export async function loadAutopay(
  db: Db,
  lineId: string,
  autopayId: string,
): Promise<{ rule: Autopay; card: SavedCard }> {
  const rule = await db
    .selectFrom('autopays')
    .selectAll()
    .where('id', '=', autopayId)
    .where('line_id', '=', lineId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!rule) throw problems.notFound('autopay');
  const card = await db
    .selectFrom('saved_cards')
    .selectAll()
    .where('id', '=', rule.card_id)
    .executeTakeFirstOrThrow();
  return { rule, card };
}

/** The autopay screen's data for a line. */
export async function loadAutopayOverview(
  db: Db,
  input: { lineId: string; now: Date; timeZone: string; acquirer: string; acquirerTest: boolean },
): Promise<Static<typeof AutopayOverview>> {
  const account = await db
    .selectFrom('lines as l')
    .innerJoin('billing_accounts as a', 'a.id', 'l.account_id')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .select(['a.id', 'a.low_balance_threshold', 'la.balance'])
    .where('l.id', '=', input.lineId)
    .executeTakeFirst();
  if (!account) throw problems.notFound('line');
  const [cards, rules, spend] = await Promise.all([
    listSavedCards(db, account.id, input.acquirer),
    db
      .selectFrom('autopays')
      .selectAll()
      .where('line_id', '=', input.lineId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    autopaySpend(db, account.id, input.now, input.timeZone),
  ]);
  const cardIds = [...new Set(rules.map((r) => r.card_id))];
  const ruleCards =
    cardIds.length > 0
      ? await db.selectFrom('saved_cards').selectAll().where('id', 'in', cardIds).execute()
      : [];
  const byId = new Map(ruleCards.map((c) => [c.id, c]));
  return {
    balance: Number(account.balance),
    cards: cards.map(cardView),
    autopays: rules.flatMap((r) => {
      const card = byId.get(r.card_id);
      return card
        ? [
            autopayView(r, card, {
              now: input.now,
              timeZone: input.timeZone,
              spend,
              acquirer: input.acquirer,
            }),
          ]
        : [];
    }),
    lowBalanceThreshold:
      account.low_balance_threshold === null ? null : Number(account.low_balance_threshold),
    acquirerTest: input.acquirerTest,
  };
}
