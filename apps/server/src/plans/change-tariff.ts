import { type ConfigurableChoice, fundsShortfall, toSafeNumber, transitionFeeOf } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { recordJournal } from '../journal/record.ts';
import { advanceRequest, recordRequest } from '../requests/record-request.ts';
import { resizeBuckets } from './buckets.ts';
import { loadOfferedTariffs, loadTemplates, type TariffRow } from './catalog-query.ts';
import { chargeFee } from './charge-fee.ts';
import { changeProblems } from './errors.ts';
import { balanceOf, type LockedLine, lockLine } from './line-lock.ts';
import { type ResolvedChoice, resolveChoice } from './resolve-choice.ts';
import { switchTariff } from './switch-tariff.ts';
import { saveChoice, type TariffPricer, tariffPricer } from './tariff-price.ts';

export interface ChangeTariffInput {
  lineId: string;
  loginId: string;
  tariffId: string;
  when: 'now' | 'next_period';
  /** PLAN-05: the amounts chosen on a configurable tariff; absent = its default (or, re-configuring, refused). */
  choice?: ConfigurableChoice;
  /** Unique per login and Idempotency-Key: the ledger key of the fee is derived from it. */
  scope: string;
  now: Date;
  timeZone: string;
  ip: string | null;
}

/** "300 мин, 10 ГБ, 100 SMS": the amounts of a choice as a request title states them. */
function amountsText(c: ConfigurableChoice, lang: 'ru' | 'en'): string {
  const units = lang === 'ru' ? ['мин', 'ГБ', 'SMS'] : ['min', 'GB', 'SMS'];
  return `${c.minutes} ${units[0]}, ${c.gigabytes} ${units[1]}, ${c.messages} ${units[2]}`;
}

/** The title of a tariff change request in the list (SVC-11); a re-configuration names the new amounts. */
export function tariffChangeTitle(
  target: Pick<TariffRow, 'name_ru' | 'name_en'>,
  reconfigured: ConfigurableChoice | null = null,
) {
  if (reconfigured) {
    return {
      ru: `Настройка тарифа «${target.name_ru}»: ${amountsText(reconfigured, 'ru')}`,
      en: `“${target.name_en}” set to ${amountsText(reconfigured, 'en')}`,
    };
  }
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
 * What the change costs now. Moving onto a tariff: its transition fee. Re-configuring now (PLAN-05): the rise
 * of the monthly fee, if any, for the period already running (a smaller choice refunds nothing) — otherwise
 * raising the amounts right after a fee and lowering them before the next would buy a month of the big choice
 * at the small price. Either waits for the next period at no cost now.
 */
function feeNow(
  pricer: TariffPricer,
  target: TariffRow,
  resolved: ResolvedChoice,
  input: ChangeTariffInput,
): bigint {
  if (!resolved.reconfigure) return transitionFeeOf(target.rates);
  if (input.when !== 'now') return 0n;
  const rise =
    pricer.feeAt(target, resolved.choice, input.now) - pricer.feeAt(target, resolved.previous, input.now);
  return rise > 0n ? rise : 0n;
}

/**
 * PLAN-03/05: changes the line's tariff (or the amounts of its configurable tariff) now — fee charged, buckets
 * rebuilt or resized, request done — or plans it for the next period (request accepted with `effective_at` =
 * the line's next fee; `applyDueTariffChanges` applies it, and its fee must be affordable now too). A new change
 * replaces a pending one. One transaction, under the line's lock; returns the request id and the balance after.
 */
export async function changeTariff(trx: Db, input: ChangeTariffInput) {
  const line = await lockLine(trx, input.lineId);
  const [target] = await loadOfferedTariffs(trx, line.kind, input.tariffId);
  if (!target) throw changeProblems.notAvailable();
  const resolved = await resolveChoice(trx, line, target, input.choice);
  const pricer = await tariffPricer(trx, [target], input.timeZone);
  const fee = feeNow(pricer, target, resolved, input);
  const startsAt = input.when === 'now' ? input.now : line.next_fee_at;
  const common = {
    lineId: line.id,
    loginId: input.loginId,
    kind: 'tariff_change',
    title: tariffChangeTitle(target, resolved.reconfigure ? resolved.choice : null),
    now: input.now,
  };
  const payload = {
    fromTariff: line.tariff_code,
    toTariff: target.code,
    toTariffId: target.id,
    fee: toSafeNumber(fee),
    when: input.when,
    reconfigure: resolved.reconfigure,
    choice: resolved.choice,
    // The periodic fee from the change on, as priced then (price changes, the choice): what the screen promised.
    periodicFee: toSafeNumber(pricer.feeAt(target, resolved.choice, startsAt ?? input.now)),
  };
  if (input.when === 'now') {
    return changeNow(trx, { input, line, target, resolved, fee, common, payload });
  }
  if (!line.next_fee_at) throw changeProblems.noBillingPeriod();
  const shortfall = fundsShortfall({ balance: line.balance, creditLimit: line.credit_limit, fee });
  if (shortfall) throw changeProblems.insufficientFunds(shortfall);
  const replaced = await rejectPendingChanges(trx, line.id, 'Replaced by a newer tariff change.', input.now);
  const requestId = await recordRequest(trx, {
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
  return { requestId, balance: await balanceOf(trx, line.ledger_account_id) };
}

interface ChangeNow {
  input: ChangeTariffInput;
  line: LockedLine;
  target: TariffRow;
  resolved: ResolvedChoice;
  fee: bigint;
  common: Omit<Parameters<typeof recordRequest>[1], 'statuses'>;
  payload: Record<string, unknown>;
}

/** The immediate change: charge, record the request, switch or resize, mark it done, journal it. */
async function changeNow(trx: Db, c: ChangeNow) {
  const { input, line, target, resolved } = c;
  await chargeFee(trx, {
    line,
    fee: c.fee,
    kind: 'tariff_change',
    idempotencyKey: `tariff_change:${input.scope}`,
    description: resolved.reconfigure
      ? `Tariff ${target.code} re-configured`
      : `Tariff change ${line.tariff_code} → ${target.code}`,
    at: input.now,
  });
  const replaced = await rejectPendingChanges(
    trx,
    line.id,
    'Replaced by an immediate tariff change.',
    input.now,
  );
  const requestId = await recordRequest(trx, {
    ...c.common,
    statuses: ['accepted'],
    payload: c.payload,
    effectiveAt: input.now,
  });
  let droppedOptions: string[] = [];
  if (resolved.reconfigure && resolved.choice) {
    await saveChoice(trx, {
      lineId: line.id,
      tariffId: target.id,
      choice: resolved.choice,
      requestId,
      at: input.now,
    });
    await resizeBuckets(trx, {
      lineId: line.id,
      templates: await loadTemplates(trx, 'tariff_id', [target.id]),
      start: input.now,
      feeEnd: line.next_fee_at,
      anchorDay: line.billing_anchor_day,
      timeZone: input.timeZone,
    });
  } else {
    droppedOptions = await switchTariff(trx, {
      line,
      target,
      start: input.now,
      moveNextFee: true,
      timeZone: input.timeZone,
      choice: resolved.choice ? { amounts: resolved.choice, requestId } : null,
    });
  }
  await advanceRequest(trx, requestId, 'done', droppedNote(droppedOptions), input.now);
  if (droppedOptions.length > 0) {
    await trx
      .updateTable('requests')
      .set({
        payload: sql`payload || jsonb_build_object('droppedOptions', ${JSON.stringify(droppedOptions)}::jsonb)`,
      })
      .where('id', '=', requestId)
      .execute();
  }
  const action = resolved.reconfigure ? 'tariff.reconfigured' : 'tariff.changed';
  await journal(trx, input, action, { ...c.payload, requestId, replaced, droppedOptions });
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
