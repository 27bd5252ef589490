import type { Db } from '@kabinet/db';
import { type LineChange, recordLineChange } from '../requests/record-line-change.ts';
import type { Actor } from '../services/option-journal.ts';

/** A settings change: free and immediate, so its request is done at once. */
export type SettingsChange = Omit<
  LineChange<'ban_change' | 'forwarding_change' | 'blacklist_change'>,
  'statuses'
>;

/** Records a settings change of the line (request + journal), in the caller's transaction; returns the request id. */
export async function recordSettingsChange(
  trx: Db,
  actor: Actor,
  change: SettingsChange,
  now: Date,
): Promise<string> {
  const request = await recordLineChange(trx, actor, { ...change, statuses: ['accepted', 'done'] }, now);
  return request.id;
}
