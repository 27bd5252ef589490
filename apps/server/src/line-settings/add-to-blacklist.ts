import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { Actor } from '../services/option-journal.ts';
import { presentEntry } from './blacklist-query.ts';
import { settingsProblems } from './errors.ts';
import { phoneField } from './phone-field.ts';
import { recordSettingsChange } from './record-change.ts';
import { BLACKLIST_LIMIT } from './schemas.ts';
import { lockSettingsLine } from './settings-line.ts';

export interface AddToBlacklistInput extends Actor {
  /** Any common phone format. */
  number: string;
  /** Blank means none. */
  label?: string;
  now: Date;
}

/**
 * SVC-07: blocks a number on the line, under the line's lock: 400 `invalid_phone` / `own_number`, 409
 * `already_blacklisted` for a number it holds (in whatever format it was typed), 409 `blacklist_full` at the
 * limit. Records a done `blacklist_change` request and journals `blacklist.added`. Returns the entry.
 */
export async function addToBlacklist(trx: Db, input: AddToBlacklistInput) {
  const line = await lockSettingsLine(trx, input.lineId);
  const number = phoneField('number', input.number, line);
  const entries = await trx
    .selectFrom('line_blacklist')
    .select('number')
    .where('line_id', '=', line.id)
    .execute();
  if (entries.some((e) => e.number === number)) throw settingsProblems.alreadyBlacklisted();
  if (entries.length >= BLACKLIST_LIMIT) throw settingsProblems.blacklistFull(BLACKLIST_LIMIT);
  const label = input.label?.trim() || null;
  const row = await trx
    .insertInto('line_blacklist')
    .values({
      id: newId('blacklistEntry', input.now),
      line_id: line.id,
      number,
      label,
      created_at: input.now,
    })
    .returning(['id', 'number', 'label', 'created_at'])
    .executeTakeFirstOrThrow();
  await recordSettingsChange(
    trx,
    input,
    {
      kind: 'blacklist_change',
      title: { ru: `Номер ${number} в чёрном списке`, en: `${number} blacklisted` },
      action: 'blacklist.added',
      details: { entryId: row.id, number },
    },
    input.now,
  );
  return presentEntry(row);
}
