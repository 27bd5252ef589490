import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { lockLine } from '../plans/line-lock.ts';
import { recordRequest } from '../requests/record-request.ts';
import { optionProblems } from './errors.ts';
import { type Actor, journalChange } from './option-journal.ts';
import { loadConnected, loadOption } from './option-query.ts';
import { removeOption } from './remove-option.ts';

export interface UnsubscribeInput extends Actor {
  /** One subscription; absent: all of the line's content subscriptions at once. */
  optionId?: string;
  now: Date;
}

/**
 * SVC-03: ends one or all paid content subscriptions of a line in one transaction: one done request for the
 * lot, and a `content.unsubscribed` journal entry per subscription. 404 for an id that is not a content
 * subscription, 409 `not_connected` when there is nothing to end.
 */
export async function unsubscribeContent(trx: Db, input: UnsubscribeInput) {
  const line = await lockLine(trx, input.lineId);
  if (input.optionId) {
    const option = await loadOption(trx, input.optionId);
    if (option?.category !== 'content') throw problems.notFound('subscription');
  }
  const targets = (await loadConnected(trx, line.id)).filter(
    (o) => o.category === 'content' && (!input.optionId || o.id === input.optionId),
  );
  if (targets.length === 0) {
    throw optionProblems.notConnected(input.optionId ? 'This subscription is' : 'No content subscription is');
  }
  for (const o of targets) await removeOption(trx, line.id, o.id, input.now);
  const [only] = targets;
  const title =
    targets.length === 1 && only
      ? { ru: `Отписка от «${only.name_ru}»`, en: `Unsubscribe from “${only.name_en}”` }
      : {
          ru: `Отписка от всех подписок (${targets.length})`,
          en: `Unsubscribe from all (${targets.length})`,
        };
  const requestId = await recordRequest(trx, {
    lineId: line.id,
    loginId: input.loginId,
    kind: 'content_unsubscribe',
    statuses: ['accepted', 'done'],
    title,
    payload: { options: targets.map((o) => o.code), all: !input.optionId },
    now: input.now,
  });
  for (const o of targets) {
    await journalChange(trx, input, 'content.unsubscribed', {
      option: o.code,
      optionId: o.id,
      shortNumber: o.short_number,
      requestId,
    });
  }
  return { requestId, unsubscribed: targets.length };
}
