import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { recordLineChange } from '../requests/record-line-change.ts';
import { optionProblems } from './errors.ts';
import type { Actor } from './option-journal.ts';

/** The catalog code of the ringback tone option (SVC-08). */
export const RINGBACK_OPTION = 'ringback';

const MELODY_COLUMNS = ['id', 'name_ru', 'name_en', 'artist', 'duration_seconds'] as const;

type MelodyRow = { id: string; name_ru: string; name_en: string; artist: string; duration_seconds: number };

function presentMelody(m: MelodyRow) {
  return {
    id: m.id,
    name: { ru: m.name_ru, en: m.name_en },
    artist: m.artist,
    durationSeconds: m.duration_seconds,
  };
}

/** The ringback option of the catalog (not archived) and whether the line has it connected. */
async function ringbackOf(db: Db, lineId: string) {
  const option = await db
    .selectFrom('options')
    .select(['id', 'name_ru', 'name_en'])
    .where('code', '=', RINGBACK_OPTION)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!option) return { option: null, connected: false };
  const connected = await db
    .selectFrom('line_options')
    .select('option_id')
    .where('line_id', '=', lineId)
    .where('option_id', '=', option.id)
    .executeTakeFirst();
  return { option, connected: connected !== undefined };
}

/**
 * SVC-08: the ringback tone of a line: whether the catalog has the option and the line has it connected, the
 * melody chosen (kept while the option is off, so reconnecting brings it back) and the melodies on offer.
 */
export async function loadRingback(db: Db, lineId: string) {
  const { option, connected } = await ringbackOf(db, lineId);
  const melodies = await db
    .selectFrom('ringback_melodies')
    .select(MELODY_COLUMNS)
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const chosen = await db
    .selectFrom('line_ringback')
    .innerJoin('ringback_melodies', 'ringback_melodies.id', 'line_ringback.melody_id')
    .select([...MELODY_COLUMNS.map((c) => `ringback_melodies.${c}` as const), 'line_ringback.changed_at'])
    .where('line_ringback.line_id', '=', lineId)
    .executeTakeFirst();
  return {
    option: option ? { id: option.id, name: { ru: option.name_ru, en: option.name_en } } : null,
    connected,
    current: chosen ? presentMelody(chosen) : null,
    changedAt: chosen ? chosen.changed_at.toISOString() : null,
    melodies: melodies.map(presentMelody),
  };
}

export interface ChooseMelodyInput extends Actor {
  melodyId: string;
  now: Date;
}

/**
 * SVC-08: sets the melody the line's ringback tone plays, under the line's lock: only while the ringback
 * option is connected (409 `not_connected`), only a melody of the catalog (404), not the one already playing
 * (409 `already_chosen`). Free; a done `ringback_melody` request and `ringback.melody_changed` journaled.
 */
export async function chooseMelody(trx: Db, input: ChooseMelodyInput) {
  const line = await trx
    .selectFrom('lines')
    .select('id')
    .where('id', '=', input.lineId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!line) throw problems.notFound('line');
  const { option, connected } = await ringbackOf(trx, line.id);
  if (!option || !connected) throw optionProblems.notConnected('The ringback tone option is');
  const melody = await trx
    .selectFrom('ringback_melodies')
    .select(MELODY_COLUMNS)
    .where('id', '=', input.melodyId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!melody) throw problems.notFound('melody');
  const before = await trx
    .selectFrom('line_ringback')
    .select('melody_id')
    .where('line_id', '=', line.id)
    .executeTakeFirst();
  if (before?.melody_id === melody.id) throw optionProblems.alreadyChosen();
  await trx
    .insertInto('line_ringback')
    .values({ line_id: line.id, melody_id: melody.id, changed_at: input.now })
    .onConflict((oc) => oc.column('line_id').doUpdateSet({ melody_id: melody.id, changed_at: input.now }))
    .execute();
  const request = await recordLineChange(
    trx,
    input,
    {
      kind: 'ringback_melody',
      statuses: ['accepted', 'done'],
      title: { ru: `Мелодия гудка: «${melody.name_ru}»`, en: `Ringback melody: “${melody.name_en}”` },
      action: 'ringback.melody_changed',
      details: { melody: melody.id, previous: before?.melody_id ?? null },
    },
    input.now,
  );
  return { request, current: presentMelody(melody) };
}
