import { checkCompatibility, toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { balanceOf, lockLine } from '../plans/line-lock.ts';
import { recordRequest } from '../requests/record-request.ts';
import { attachOption } from './attach-option.ts';
import { optionProblems } from './errors.ts';
import { type Actor, journalChange } from './option-journal.ts';
import { loadConnected, loadOption } from './option-query.ts';
import { explainIncompatibility, ruleOf } from './present-option.ts';

export interface ConnectOptionInput extends Actor {
  optionId: string;
  /** Unique per login and Idempotency-Key: the ledger key of the connection fee is derived from it. */
  scope: string;
  now: Date;
  timeZone: string;
}

/**
 * SVC-02: connects an option now, in one transaction under the line's lock: checks it is on offer, not yet
 * connected and compatible (tariff requirement, exclusions both ways), charges the connection fee (402 if the
 * account cannot pay), connects it with its next periodic fee a period from now (charged by the periodic job),
 * opens its packages for the current period, records a done request and journals `option.connected`.
 */
export async function connectOption(trx: Db, input: ConnectOptionInput) {
  const line = await lockLine(trx, input.lineId);
  const option = await loadOption(trx, input.optionId);
  if (!option || option.archived_at !== null || option.category === 'content')
    throw problems.notFound('option');
  const connected = await loadConnected(trx, line.id);
  if (connected.some((o) => o.id === option.id)) throw optionProblems.alreadyConnected();
  const inc = checkCompatibility(ruleOf(option), line.tariff_code, connected.map(ruleOf));
  if (inc) throw optionProblems.incompatible(await explainIncompatibility(trx, inc));
  await attachOption(trx, {
    line,
    option,
    feeKey: `option_connect:${input.scope}`,
    now: input.now,
    timeZone: input.timeZone,
  });
  const details = {
    option: option.code,
    optionId: option.id,
    connectFee: toSafeNumber(option.connect_fee),
    fee: toSafeNumber(option.fee),
    feePeriod: option.fee_period,
  };
  const requestId = await recordRequest(trx, {
    lineId: line.id,
    loginId: input.loginId,
    kind: 'option_connect',
    statuses: ['accepted', 'done'],
    title: { ru: `Подключение «${option.name_ru}»`, en: `Connect “${option.name_en}”` },
    payload: details,
    now: input.now,
  });
  await journalChange(trx, input, 'option.connected', { ...details, requestId });
  return { requestId, balance: await balanceOf(trx, line.ledger_account_id) };
}
