import type { Db } from '@kabinet/db';
import { type RequestStatus, recordRequest } from '../requests/record-request.ts';
import { type Actor, journalChange } from '../services/option-journal.ts';

/** A suspension or SIM change as it is recorded: the request's kind, statuses and title, the journal action. */
export interface SimChange {
  kind: 'suspension' | 'resumption' | 'sim_block' | 'sim_replacement' | 'esim_issue';
  /** The statuses the request passes through at once (`['accepted']` when an office completes it). */
  statuses: RequestStatus[];
  title: { ru: string; en: string };
  action: string;
  details: Record<string, unknown>;
}

/** The request a change answers with. */
export interface RequestRef {
  id: string;
  kind: SimChange['kind'];
  status: RequestStatus;
}

/** Records a change of the line, in the caller's transaction: a request and a journal entry naming it. */
export async function recordSimChange(
  trx: Db,
  actor: Actor,
  change: SimChange,
  now: Date,
): Promise<RequestRef> {
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
