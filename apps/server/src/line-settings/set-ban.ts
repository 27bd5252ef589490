import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import type { Actor } from '../services/option-journal.ts';
import { loadBan, presentBan } from './ban-query.ts';
import { recordSettingsChange } from './record-change.ts';
import { lockSettingsLine } from './settings-line.ts';

export interface SetBanInput extends Actor {
  banCode: string;
  enabled: boolean;
  now: Date;
}

/**
 * SVC-04: switches a ban on or off for the line, under the line's lock. A real change records a done
 * `ban_change` request and journals `ban.enabled` / `ban.disabled`; asking for the state it already has changes
 * and records nothing (PUT semantics). 404 for an unknown or archived ban. Returns the ban.
 */
export async function setBan(trx: Db, input: SetBanInput) {
  const line = await lockSettingsLine(trx, input.lineId);
  const ban = await loadBan(trx, line.id, input.banCode);
  if (!ban) throw problems.notFound('ban');
  if ((ban.enabled_at !== null) === input.enabled) return presentBan(ban);
  if (input.enabled) {
    await trx
      .insertInto('line_bans')
      .values({ line_id: line.id, ban_code: ban.code, enabled_at: input.now })
      .execute();
  } else {
    await trx
      .deleteFrom('line_bans')
      .where('line_id', '=', line.id)
      .where('ban_code', '=', ban.code)
      .execute();
  }
  await recordSettingsChange(
    trx,
    input,
    {
      kind: 'ban_change',
      title: input.enabled
        ? { ru: `Запрет «${ban.name_ru}» включён`, en: `Ban “${ban.name_en}” on` }
        : { ru: `Запрет «${ban.name_ru}» снят`, en: `Ban “${ban.name_en}” off` },
      action: input.enabled ? 'ban.enabled' : 'ban.disabled',
      details: { ban: ban.code, enabled: input.enabled },
    },
    input.now,
  );
  return presentBan({ ...ban, enabled_at: input.enabled ? input.now : null });
}
