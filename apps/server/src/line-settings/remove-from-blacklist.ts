import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import type { Actor } from '../services/option-journal.ts';
import { recordSettingsChange } from './record-change.ts';
import { lockSettingsLine } from './settings-line.ts';

export interface RemoveFromBlacklistInput extends Actor {
  entryId: string;
  now: Date;
}

/**
 * SVC-07: unblocks a number, under the line's lock: 404 for an entry that is not this line's (another line's
 * entry is not ours to tell about). Records a done `blacklist_change` request and journals `blacklist.removed`.
 */
export async function removeFromBlacklist(trx: Db, input: RemoveFromBlacklistInput): Promise<void> {
  const line = await lockSettingsLine(trx, input.lineId);
  const removed = await trx
    .deleteFrom('line_blacklist')
    .where('id', '=', input.entryId)
    .where('line_id', '=', line.id)
    .returning(['id', 'number'])
    .executeTakeFirst();
  if (!removed) throw problems.notFound('blacklist entry');
  await recordSettingsChange(
    trx,
    input,
    {
      kind: 'blacklist_change',
      title: { ru: `Номер ${removed.number} убран из чёрного списка`, en: `${removed.number} unblocked` },
      action: 'blacklist.removed',
      details: { entryId: removed.id, number: removed.number },
    },
    input.now,
  );
}
