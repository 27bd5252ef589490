import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';

/** A ban of the catalog made for one test (the demo catalog's bans are not loaded into test databases). */
export async function buildBan(db: Db, options: { archived?: boolean; name?: string } = {}) {
  const code = `test-ban-${newId('option').slice(4)}`;
  await db
    .insertInto('service_bans')
    .values({
      code,
      name_ru: options.name ?? 'Запрет международных звонков',
      name_en: options.name ?? 'International calls barred',
      description_ru: 'Исходящие международные вызовы запрещены.',
      description_en: 'Outgoing international calls are barred.',
      bars: ['voice_intl'],
      archived_at: options.archived ? new Date() : null,
    })
    .execute();
  return code;
}

/** Everything a settings change of the line writes: its settings, requests and journal entries. */
export async function settingsSnapshot(db: Db, lineId: string) {
  const [bans, forwarding, blacklist, requests, journal] = await Promise.all([
    db.selectFrom('line_bans').selectAll().where('line_id', '=', lineId).execute(),
    db.selectFrom('line_forwarding').selectAll().where('line_id', '=', lineId).execute(),
    db.selectFrom('line_blacklist').selectAll().where('line_id', '=', lineId).execute(),
    db.selectFrom('requests').select(['kind', 'status']).where('line_id', '=', lineId).execute(),
    db
      .selectFrom('journal')
      .select(['action', 'details'])
      .where('line_id', '=', lineId)
      .where('action', 'not like', 'auth.%')
      .where('outcome', '=', 'ok')
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  return { bans, forwarding, blacklist, requests, journal };
}
