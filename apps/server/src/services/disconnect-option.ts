import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { balanceOf, lockLine } from '../plans/line-lock.ts';
import { recordRequest } from '../requests/record-request.ts';
import { optionProblems } from './errors.ts';
import { type Actor, journalChange } from './option-journal.ts';
import { loadOption } from './option-query.ts';
import { removeOption } from './remove-option.ts';

export interface DisconnectOptionInput extends Actor {
  optionId: string;
  now: Date;
}

/**
 * SVC-02: disconnects an option (never needs money), in one transaction under the line's lock: the option and
 * its packages of the current period go, a done request is recorded and `option.disconnected` journaled.
 * 404 for an unknown option or a content subscription (SVC-03 has its own routes), 409 when not connected.
 */
export async function disconnectOption(trx: Db, input: DisconnectOptionInput) {
  const line = await lockLine(trx, input.lineId);
  const option = await loadOption(trx, input.optionId);
  if (!option || option.category === 'content') throw problems.notFound('option');
  if (!(await removeOption(trx, line.id, option.id, input.now))) throw optionProblems.notConnected();
  const details = { option: option.code, optionId: option.id };
  const requestId = await recordRequest(trx, {
    lineId: line.id,
    loginId: input.loginId,
    kind: 'option_disconnect',
    statuses: ['accepted', 'done'],
    title: { ru: `Отключение «${option.name_ru}»`, en: `Disconnect “${option.name_en}”` },
    payload: details,
    now: input.now,
  });
  await journalChange(trx, input, 'option.disconnected', { ...details, requestId });
  return { requestId, balance: await balanceOf(trx, line.ledger_account_id) };
}
