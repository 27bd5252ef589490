import { fundsShortfall, toSafeNumber, transitionFeeOf } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { advanceRequest, recordRequest } from '../requests/record-request.ts';
import { loadOfferedTariffs, type TariffRow } from './catalog-query.ts';
import { chargeFee } from './charge-fee.ts';
import { changeProblems } from './errors.ts';
import { balanceOf, lockLine } from './line-lock.ts';
import { switchTariff } from './switch-tariff.ts';

export interface ChangeTariffInput {
  lineId: string;
  loginId: string;
  tariffId: string;
  when: 'now' | 'next_period';
  /** Unique per login and Idempotency-Key: the ledger key of the fee is derived from it. */
  scope: string;
  now: Date;
  timeZone: string;
  ip: string | null;
}

/** The title of a tariff change request in the list (SVC-11). */
export function tariffChangeTitle(target: Pick<TariffRow, 'name_ru' | 'name_en'>) {
  return { ru: `Смена тарифа на «${target.name_ru}»`, en: `Tariff change to “${target.name_en}”` };
}

/** The time-line note of a change that disconnected options needing another tariff; empty if none. */
export function droppedNote(codes: string[]): string {
  return codes.length > 0 ? `Options that need another tariff were disconnected: ${codes.join(', ')}.` : '';
}

/** Rejects the line's pending (next-period) tariff changes with a note; returns how many there were. */
export async function rejectPendingChanges(
  trx: Db,
  lineId: string,
  note: string,
  now: Date,
): Promise<string[]> {
  const pending = await trx
    .selectFrom('requests')
    .select('id')
    .where('line_id', '=', lineId)
    .where('kind', '=', 'tariff_change')
    .where('status', '=', 'accepted')
    .forUpdate()
    .execute();
  for (const r of pending) await advanceRequest(trx, r.id, 'rejected', note, now);
  return pending.map((r) => r.id);
}

/**
 * PLAN-03: changes the line's tariff now (transition fee charged, buckets rebuilt, request done) or plans it
 * for the next period (request accepted with `effective_at` = the line's next fee; the fee is charged when
 * `applyDueTariffChanges` applies it, but must be affordable now too). A new change replaces a pending one.
 * One transaction, under the line's lock; returns the request id and the balance after.
 */
export async function changeTariff(trx: Db, input: ChangeTariffInput) {
  const line = await lockLine(trx, input.lineId);
  const [target] = await loadOfferedTariffs(trx, line.kind, input.tariffId);
  if (!target) throw problems.notFound('tariff');
  if (target.id === line.tariff_id) throw changeProblems.sameTariff();
  const fee = transitionFeeOf(target.rates);
  const common = {
    lineId: line.id,
    loginId: input.loginId,
    kind: 'tariff_change',
    title: tariffChangeTitle(target),
    now: input.now,
  };
  const payload = {
    fromTariff: line.tariff_code,
    toTariff: target.code,
    toTariffId: target.id,
    fee: toSafeNumber(fee),
    when: input.when,
  };
  let requestId: string;
  if (input.when === 'now') {
    await chargeFee(trx, {
      line,
      fee,
      kind: 'tariff_change',
      idempotencyKey: `tariff_change:${input.scope}`,
      description: `Tariff change ${line.tariff_code} → ${target.code}`,
      at: input.now,
    });
    const replaced = await rejectPendingChanges(
      trx,
      line.id,
      'Replaced by an immediate tariff change.',
      input.now,
    );
    const droppedOptions = await switchTariff(trx, {
      line,
      target,
      start: input.now,
      moveNextFee: true,
      timeZone: input.timeZone,
    });
    requestId = await recordRequest(trx, {
      ...common,
      statuses: ['accepted', 'done'],
      payload: { ...payload, droppedOptions },
      effectiveAt: input.now,
      note: droppedNote(droppedOptions),
    });
    await journal(trx, input, 'tariff.changed', { ...payload, requestId, replaced, droppedOptions });
  } else {
    if (!line.next_fee_at) throw changeProblems.noBillingPeriod();
    const shortfall = fundsShortfall({ balance: line.balance, creditLimit: line.credit_limit, fee });
    if (shortfall) throw changeProblems.insufficientFunds(shortfall);
    const replaced = await rejectPendingChanges(
      trx,
      line.id,
      'Replaced by a newer tariff change.',
      input.now,
    );
    requestId = await recordRequest(trx, {
      ...common,
      statuses: ['accepted'],
      payload,
      effectiveAt: line.next_fee_at,
    });
    await journal(trx, input, 'tariff.change_requested', {
      ...payload,
      requestId,
      effectiveAt: line.next_fee_at.toISOString(),
      replaced,
    });
  }
  return { requestId, balance: await balanceOf(trx, line.ledger_account_id) };
}

async function journal(trx: Db, input: ChangeTariffInput, action: string, details: Record<string, unknown>) {
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: input.loginId,
    loginId: input.loginId,
    channel: 'web',
    lineId: input.lineId,
    action,
    details,
    ip: input.ip,
  });
}
