import { roamingAccess } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { recordLineChange } from '../requests/record-line-change.ts';
import type { Actor } from '../services/option-journal.ts';
import { loadRoamingLine, ROAMING_DEFAULT } from './roaming-line.ts';
import { enabledBars } from './roaming-query.ts';

export interface SetRoamingInput extends Actor {
  enabled: boolean;
  now: Date;
}

/**
 * SVC-05: switches the line's roaming on or off under the line's lock. A real change records a done
 * `roaming_change` request and journals `roaming.enabled` / `roaming.disabled`; asking for the state it already
 * has records nothing (PUT semantics). The service bans are left alone either way (see core/roaming/access.ts).
 */
export async function setRoaming(trx: Db, input: SetRoamingInput) {
  const line = await loadRoamingLine(trx, input.lineId, true);
  const bars = await enabledBars(trx, line.id);
  const current = line.enabled ?? ROAMING_DEFAULT;
  if (current === input.enabled) {
    return { request: null, enabled: current, access: roamingAccess(current, bars) };
  }
  await trx
    .insertInto('line_roaming')
    .values({ line_id: line.id, enabled: input.enabled, updated_at: input.now })
    .onConflict((oc) => oc.column('line_id').doUpdateSet({ enabled: input.enabled, updated_at: input.now }))
    .execute();
  const request = await recordLineChange(
    trx,
    input,
    {
      kind: 'roaming_change',
      statuses: ['accepted', 'done'],
      title: input.enabled
        ? { ru: 'Роуминг включён', en: 'Roaming on' }
        : { ru: 'Роуминг отключён', en: 'Roaming off' },
      action: input.enabled ? 'roaming.enabled' : 'roaming.disabled',
      details: { enabled: input.enabled },
    },
    input.now,
  );
  return { request, enabled: input.enabled, access: roamingAccess(input.enabled, bars) };
}
