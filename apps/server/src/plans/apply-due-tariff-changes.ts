import { checkChoice, fundsShortfall, toSafeNumber, transitionFeeOf } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { recordJournal } from '../journal/record.ts';
import { advanceRequest } from '../requests/record-request.ts';
import { loadOfferedTariffs } from './catalog-query.ts';
import { droppedNote } from './change-tariff.ts';
import { chargeFee } from './charge-fee.ts';
import { lockLine } from './line-lock.ts';
import { choiceFromPayload } from './resolve-choice.ts';
import { switchTariff } from './switch-tariff.ts';
import { configurableOf } from './tariff-price.ts';

/** What one run of {@link applyDueTariffChanges} did. */
export interface AppliedChanges {
  /** Request ids now `done`. */
  applied: string[];
  /** Request ids now `rejected` (tariff withdrawn, or the transition fee no longer affordable). */
  rejected: string[];
}

/**
 * PLAN-03, for the periodic job (issue 5): applies the tariff changes planned from the next period whose time
 * has come. Each in its own transaction under the line's lock: the transition fee is charged (ledger key
 * `tariff_change:<requestId>`, so a rerun charges nothing twice), the tariff switched and its packages opened
 * for the period starting at the planned instant. The line's `next_fee_at` is left alone: run this BEFORE the
 * job charges periodic fees, which then charges the new tariff's fee at that boundary and moves the date.
 * A change whose tariff left the offer, whose chosen amounts left the tariff's steps, or whose fee the account
 * can no longer pay, is rejected with a note. A planned re-configuration (PLAN-05) switches the line onto the
 * same tariff: its buckets end at the boundary and reopen sized by the new amounts.
 */
export async function applyDueTariffChanges(db: Db, now: Date, timeZone: string): Promise<AppliedChanges> {
  const due = await db
    .selectFrom('requests')
    .select('id')
    .where('kind', '=', 'tariff_change')
    .where('status', '=', 'accepted')
    .where('effective_at', '<=', now)
    .orderBy('effective_at')
    .orderBy('id')
    .execute();
  const result: AppliedChanges = { applied: [], rejected: [] };
  for (const { id } of due) {
    const outcome = await db.transaction().execute((trx) => applyOne(trx, id, now, timeZone));
    if (outcome === 'applied') result.applied.push(id);
    if (outcome === 'rejected') result.rejected.push(id);
  }
  return result;
}

async function applyOne(trx: Db, requestId: string, now: Date, timeZone: string) {
  const peek = await trx
    .selectFrom('requests')
    .select('line_id')
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!peek) return 'skipped';
  const line = await lockLine(trx, peek.line_id);
  const request = await trx
    .selectFrom('requests')
    .select(['status', 'effective_at', 'payload', 'login_id'])
    .where('id', '=', requestId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (request.status !== 'accepted' || !request.effective_at) return 'skipped';
  const tariffId = request.payload.toTariffId;
  const [target] = typeof tariffId === 'string' ? await loadOfferedTariffs(trx, line.kind, tariffId) : [];
  // PLAN-05: the amounts chosen when the change was asked for, checked again against today's steps.
  const choice = choiceFromPayload(request.payload);
  const rates = target ? configurableOf(target.rates) : null;
  const choiceGone = rates !== null && (choice === null || checkChoice(rates, choice).length > 0);
  const reconfigure = target?.id === line.tariff_id;
  const fee = target && !reconfigure ? transitionFeeOf(target.rates) : 0n;
  const shortfall = fundsShortfall({ balance: line.balance, creditLimit: line.credit_limit, fee });
  const entry = {
    actorKind: 'system' as const,
    channel: 'system' as const,
    lineId: line.id,
    loginId: request.login_id,
  };
  if (!target || shortfall || choiceGone) {
    const note = !target
      ? 'The tariff is no longer offered.'
      : choiceGone
        ? 'The chosen amounts are no longer offered on this tariff.'
        : 'Not enough money for the transition fee when the change was due.';
    await advanceRequest(trx, requestId, 'rejected', note, now);
    await recordJournal(trx, {
      ...entry,
      action: 'tariff.change_rejected',
      outcome: 'failed',
      details: { requestId, note },
    });
    return 'rejected';
  }
  await chargeFee(trx, {
    line,
    fee,
    kind: 'tariff_change',
    idempotencyKey: `tariff_change:${requestId}`,
    description: `Tariff change ${line.tariff_code} → ${target.code}`,
    at: now,
  });
  const droppedOptions = await switchTariff(trx, {
    line,
    target,
    start: request.effective_at,
    moveNextFee: false,
    timeZone,
    choice: rates && choice ? { amounts: choice, requestId } : null,
  });
  await advanceRequest(trx, requestId, 'done', droppedNote(droppedOptions), now);
  await recordJournal(trx, {
    ...entry,
    action: reconfigure ? 'tariff.reconfigured' : 'tariff.changed',
    details: {
      requestId,
      fromTariff: line.tariff_code,
      toTariff: target.code,
      fee: toSafeNumber(fee),
      droppedOptions,
    },
  });
  return 'applied';
}
