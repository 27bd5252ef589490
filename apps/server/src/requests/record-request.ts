import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';

/** A request's status (SVC-11). */
export type RequestStatus = 'accepted' | 'in_progress' | 'done' | 'rejected';

export interface NewRequest {
  lineId: string;
  loginId: string | null;
  kind: string;
  /** The statuses it passes through at once, in order (`['accepted', 'done']` for an immediate change). */
  statuses: RequestStatus[];
  /** What the list shows; stored in the payload so kinds added later need no code here. */
  title: { ru: string; en: string };
  payload?: Record<string, unknown>;
  effectiveAt?: Date | null;
  /** A note on the last status of the time line (e.g. what else the change did). */
  note?: string;
  now: Date;
}

/** Records a request and its time line, in the caller's transaction; returns its id. */
export async function recordRequest(trx: Db, input: NewRequest): Promise<string> {
  const id = newId('request', input.now);
  const status = input.statuses.at(-1) ?? 'accepted';
  await trx
    .insertInto('requests')
    .values({
      id,
      line_id: input.lineId,
      login_id: input.loginId,
      kind: input.kind,
      status,
      payload: JSON.stringify({ ...input.payload, title: input.title }),
      effective_at: input.effectiveAt ?? null,
      created_at: input.now,
      updated_at: input.now,
    })
    .execute();
  await trx
    .insertInto('request_events')
    .values(
      input.statuses.map((s, i) => ({
        request_id: id,
        status: s,
        note: i === input.statuses.length - 1 ? (input.note ?? '') : '',
        at: input.now,
      })),
    )
    .execute();
  return id;
}

/** Moves a request to `status` with a note on its time line, in the caller's transaction. */
export async function advanceRequest(
  trx: Db,
  requestId: string,
  status: RequestStatus,
  note: string,
  now: Date,
): Promise<void> {
  await trx.updateTable('requests').set({ status, updated_at: now }).where('id', '=', requestId).execute();
  await trx.insertInto('request_events').values({ request_id: requestId, status, note, at: now }).execute();
}
