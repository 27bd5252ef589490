import type { Db } from '@kabinet/db';
import { recordOptionOff } from '../history/record-period.ts';
import { closeBuckets } from '../plans/buckets.ts';

/**
 * Takes an option off a line: the connection goes and its packages of the current period with it (untouched
 * buckets are deleted, used ones end now so what was used stays on record) and its history period ends (SVC-10).
 * False when it was not connected.
 */
export async function removeOption(trx: Db, lineId: string, optionId: string, now: Date): Promise<boolean> {
  const removed = await trx
    .deleteFrom('line_options')
    .where('line_id', '=', lineId)
    .where('option_id', '=', optionId)
    .returning('connected_at')
    .executeTakeFirst();
  if (!removed) return false;
  await recordOptionOff(trx, lineId, optionId, removed.connected_at, now);
  await closeBuckets(trx, { lineId, owner: 'option_id', ownerId: optionId, at: now, removeUnused: true });
  return true;
}
