import type { Db } from '@kabinet/db';
import { recordRequest } from '../requests/record-request.ts';
import { type Actor, journalChange } from '../services/option-journal.ts';

/** A settings change as it is recorded: the request's kind and title, the journal action and what changed. */
export interface SettingsChange {
  kind: 'ban_change' | 'forwarding_change' | 'blacklist_change';
  title: { ru: string; en: string };
  action: string;
  details: Record<string, unknown>;
}

/**
 * Records a settings change of the line, in the caller's transaction: a request that is done at once (these
 * changes are free and immediate) and a journal entry naming it. Returns the request id.
 */
export async function recordSettingsChange(
  trx: Db,
  actor: Actor,
  change: SettingsChange,
  now: Date,
): Promise<string> {
  const requestId = await recordRequest(trx, {
    lineId: actor.lineId,
    loginId: actor.loginId,
    kind: change.kind,
    statuses: ['accepted', 'done'],
    title: change.title,
    payload: change.details,
    now,
  });
  await journalChange(trx, actor, change.action, { ...change.details, requestId });
  return requestId;
}
