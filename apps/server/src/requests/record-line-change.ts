import type { Db } from '@kabinet/db';
import { type Actor, journalChange } from '../services/option-journal.ts';
import { type RequestStatus, recordRequest } from './record-request.ts';

/** A change of a line as it is recorded: the request's kind, statuses and title, the journal action. */
export interface LineChange<K extends string = string> {
  kind: K;
  /** The statuses the request passes through at once (`['accepted']` when an office completes it). */
  statuses: RequestStatus[];
  title: { ru: string; en: string };
  action: string;
  details: Record<string, unknown>;
}

/** The request a change answers with. */
export interface RequestRef<K extends string = string> {
  id: string;
  kind: K;
  status: RequestStatus;
}

/** Records a change of the line, in the caller's transaction: a request and a journal entry naming it. */
export async function recordLineChange<K extends string>(
  trx: Db,
  actor: Actor,
  change: LineChange<K>,
  now: Date,
): Promise<RequestRef<K>> {
  const id = await recordRequest(trx, {
    lineId: actor.lineId,
    loginId: actor.loginId,
    kind: change.kind,
    statuses: change.statuses,
    title: change.title,
    payload: change.details,
    now,
  });
  await journalChange(trx, actor, change.action, { ...change.details, requestId: id });
  return { id, kind: change.kind, status: change.statuses.at(-1) ?? 'accepted' };
}
