/**
 * PAY-04 managing autopay rules and saved cards, PAY-09 the low-balance threshold: every change checked (the
 * field named), made under the rule's lock and journaled. Rules belong to a line; its billing account is what
 * they top up and whose cards they may charge.
 */
import { type AutopaySettings, checkAutopaySettings, checkLowBalanceThreshold, newId } from '@kabinet/core';
import type { Autopay, Db } from '@kabinet/db';
import { AppError, problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { accountOfLine } from './autopay-query.ts';

/** Who changes something, from where (journal). */
export interface AutopayActor {
  lineId: string;
  loginId: string;
  ip: string | null;
  now: Date;
  /** The acquirer in use: only cards saved with it can be charged. */
  acquirer: string;
}

/** At most this many rules per line: a threshold one and a few monthly ones are plenty. */
export const MAX_AUTOPAYS_PER_LINE = 5;

const journal = (trx: Db, actor: AutopayActor, action: string, details: Record<string, unknown>) =>
  recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: actor.loginId,
    channel: 'web',
    lineId: actor.lineId,
    loginId: actor.loginId,
    action,
    details,
    ip: actor.ip,
  });

const big = (v: number | null | undefined) => (v === null || v === undefined ? null : BigInt(v));

/**
 * A card of the account that can be charged, or a 400 naming `cardId`: `unknown_card` (not the account's, or
 * removed), `card_of_previous_acquirer` (saved with an acquirer the operator no longer uses).
 */
async function chargeableCard(trx: Db, accountId: string, cardId: string, acquirer: string) {
  const card = await trx
    .selectFrom('saved_cards')
    .selectAll()
    .where('id', '=', cardId)
    .where('account_id', '=', accountId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!card) throw problems.field('cardId', 'unknown_card', 'Choose one of the account’s saved cards.');
  if (card.acquirer !== acquirer) {
    throw problems.field(
      'cardId',
      'card_of_previous_acquirer',
      'This card was saved with a previous payment provider and cannot be charged; save a card on a top-up.',
    );
  }
  return card;
}

function assertSettings(settings: AutopaySettings) {
  const found = checkAutopaySettings(settings);
  if (found.length > 0) throw problems.validation(found);
}

export interface CreateAutopayInput extends AutopaySettings {
  cardId: string;
}

/** Creates an active rule (the route runs it under an Idempotency-Key). */
export async function createAutopay(
  trx: Db,
  actor: AutopayActor,
  input: CreateAutopayInput,
): Promise<string> {
  assertSettings(input);
  const accountId = await accountOfLine(trx, actor.lineId);
  const card = await chargeableCard(trx, accountId, input.cardId, actor.acquirer);
  // The line's lock serialises concurrent creates, so the cap holds.
  await trx.selectFrom('lines').select('id').where('id', '=', actor.lineId).forUpdate().execute();
  const count = await trx
    .selectFrom('autopays')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('line_id', '=', actor.lineId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_AUTOPAYS_PER_LINE) {
    throw new AppError(
      409,
      'too_many_autopays',
      `A line may have at most ${MAX_AUTOPAYS_PER_LINE} autopay rules.`,
    );
  }
  const id = newId('autopay', actor.now);
  await trx
    .insertInto('autopays')
    .values({
      id,
      line_id: actor.lineId,
      account_id: accountId,
      kind: input.kind,
      threshold: input.kind === 'threshold' ? big(input.threshold) : null,
      day_of_month: input.kind === 'monthly' ? (input.dayOfMonth ?? null) : null,
      amount: BigInt(input.amount),
      card_id: card.id,
      daily_limit: big(input.dailyLimit),
      monthly_limit: big(input.monthlyLimit),
      paused_reason: null,
      retry_at: null,
      last_period: null,
      last_run_at: null,
      last_result: null,
      last_failure_reason: null,
      created_by: actor.loginId,
      created_at: actor.now,
      updated_at: actor.now,
      deleted_at: null,
    })
    .execute();
  await journal(trx, actor, 'autopay.created', {
    autopayId: id,
    kind: input.kind,
    threshold: input.threshold ?? null,
    dayOfMonth: input.dayOfMonth ?? null,
    amount: input.amount,
    card: `${card.brand} ${card.last4}`,
    dailyLimit: input.dailyLimit ?? null,
    monthlyLimit: input.monthlyLimit ?? null,
  });
  return id;
}

export interface UpdateAutopayInput {
  threshold?: number | null;
  dayOfMonth?: number | null;
  amount?: number;
  cardId?: string;
  dailyLimit?: number | null;
  monthlyLimit?: number | null;
  status?: 'active' | 'paused';
}

/** The rule of the line, locked, or 404. */
async function lockedRule(trx: Db, lineId: string, autopayId: string): Promise<Autopay> {
  const rule = await trx
    .selectFrom('autopays')
    .selectAll()
    .where('id', '=', autopayId)
    .where('line_id', '=', lineId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!rule) throw problems.notFound('autopay');
  return rule;
}

const num = (v: bigint | null) => (v === null ? null : Number(v));

/**
 * Changes the given fields of a rule; `status` pauses or resumes it (resuming clears the failures and retry,
 * a fresh start). The kind is fixed: a different kind is a new rule.
 */
export async function updateAutopay(
  trx: Db,
  actor: AutopayActor,
  autopayId: string,
  input: UpdateAutopayInput,
): Promise<void> {
  const rule = await lockedRule(trx, actor.lineId, autopayId);
  const merged: AutopaySettings = {
    kind: rule.kind,
    threshold: input.threshold !== undefined ? input.threshold : num(rule.threshold),
    dayOfMonth: input.dayOfMonth !== undefined ? input.dayOfMonth : rule.day_of_month,
    amount: input.amount ?? Number(rule.amount),
    dailyLimit: input.dailyLimit !== undefined ? input.dailyLimit : num(rule.daily_limit),
    monthlyLimit: input.monthlyLimit !== undefined ? input.monthlyLimit : num(rule.monthly_limit),
  };
  assertSettings(merged);
  // Pausing needs no card (its card may be the removed one); anything that leaves the rule active does.
  const needsCard = input.cardId !== undefined || (input.status ?? rule.status) === 'active';
  const cardId = input.cardId ?? rule.card_id;
  if (needsCard) {
    await chargeableCard(trx, rule.account_id, cardId, actor.acquirer).catch((err) => {
      if (input.cardId === undefined && err instanceof AppError && err.errors[0]?.code === 'unknown_card') {
        throw problems.field(
          'cardId',
          'card_removed',
          'The rule’s card was removed; choose another saved card.',
        );
      }
      throw err;
    });
  }
  const resume = input.status === 'active' && rule.status === 'paused';
  const pause = input.status === 'paused' && rule.status === 'active';
  await trx
    .updateTable('autopays')
    .set({
      threshold: big(merged.threshold),
      day_of_month: merged.dayOfMonth ?? null,
      amount: BigInt(merged.amount),
      card_id: cardId,
      daily_limit: big(merged.dailyLimit),
      monthly_limit: big(merged.monthlyLimit),
      ...(pause ? { status: 'paused' as const, paused_reason: 'subscriber' as const } : {}),
      ...(resume ? { status: 'active' as const, paused_reason: null, failures: 0, retry_at: null } : {}),
      updated_at: actor.now,
    })
    .where('id', '=', rule.id)
    .execute();
  const action = pause ? 'autopay.paused' : resume ? 'autopay.resumed' : 'autopay.updated';
  await journal(trx, actor, action, { autopayId: rule.id, ...input });
}

/** Deletes a rule (kept, marked deleted: its runs and payments refer to it). An attempt in flight finishes. */
export async function deleteAutopay(trx: Db, actor: AutopayActor, autopayId: string): Promise<void> {
  const rule = await lockedRule(trx, actor.lineId, autopayId);
  await trx
    .updateTable('autopays')
    .set({ deleted_at: actor.now, status: 'paused', paused_reason: 'subscriber', updated_at: actor.now })
    .where('id', '=', rule.id)
    .execute();
  await journal(trx, actor, 'autopay.deleted', { autopayId: rule.id, kind: rule.kind });
}

/**
 * Removes a saved card of the line's account; the rules that charge it are paused (`card_removed`) until the
 * subscriber picks another card. The acquirer's token is kept only as history, never charged again.
 */
export async function removeSavedCard(trx: Db, actor: AutopayActor, cardId: string): Promise<void> {
  const accountId = await accountOfLine(trx, actor.lineId);
  const card = await trx
    .selectFrom('saved_cards')
    .select(['id', 'brand', 'last4'])
    .where('id', '=', cardId)
    .where('account_id', '=', accountId)
    .where('removed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!card) throw problems.notFound('saved card');
  await trx.updateTable('saved_cards').set({ removed_at: actor.now }).where('id', '=', card.id).execute();
  const paused = await trx
    .updateTable('autopays')
    .set({ status: 'paused', paused_reason: 'card_removed', updated_at: actor.now })
    .where('card_id', '=', card.id)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .returning('id')
    .execute();
  await journal(trx, actor, 'autopay.card_removed', {
    cardId: card.id,
    card: `${card.brand} ${card.last4}`,
    pausedAutopays: paused.map((p) => p.id),
  });
}

/**
 * PAY-09: sets (or, with null, switches off) the account's low-balance threshold. The state of the last notice
 * is reset, so the new threshold is judged afresh (the caller then runs the notices for the account).
 */
export async function setLowBalanceThreshold(
  trx: Db,
  actor: AutopayActor,
  threshold: number | null,
): Promise<string> {
  const problem = checkLowBalanceThreshold(threshold);
  if (problem) throw problems.validation([problem]);
  const accountId = await accountOfLine(trx, actor.lineId);
  const before = await trx
    .selectFrom('billing_accounts')
    .select('low_balance_threshold')
    .where('id', '=', accountId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const next = big(threshold);
  if (before.low_balance_threshold === next) return accountId;
  await trx
    .updateTable('billing_accounts')
    .set({ low_balance_threshold: next })
    .where('id', '=', accountId)
    .execute();
  await trx.deleteFrom('low_balance_states').where('account_id', '=', accountId).execute();
  await journal(trx, actor, 'low_balance.threshold_set', {
    threshold,
    previous: num(before.low_balance_threshold),
  });
  return accountId;
}
