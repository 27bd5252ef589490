/** Upserts roaming zones and service bans by code; those absent from the file are archived. */
import type { RoamingZone, ServiceBan } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { archiveAbsent, changed, codesOf, tally } from './load-common.ts';
import type { ItemCounts } from './load-summary.ts';

const ZONE_COLUMNS = ['name_ru', 'name_en', 'countries', 'rest_of_world', 'archived_at'] as const;

/** Zones of the file written, those absent archived; returns the counts. */
export async function upsertZones(db: Db, zones: readonly RoamingZone[], now: Date): Promise<ItemCounts> {
  const before = await codesOf(db, 'roaming_zones');
  const written =
    zones.length === 0
      ? []
      : await db
          .insertInto('roaming_zones')
          .values(
            zones.map((z) => ({
              code: z.code,
              name_ru: z.name.ru,
              name_en: z.name.en,
              countries: z.countries,
              rest_of_world: z.restOfWorld,
              archived_at: z.archivedAt,
            })),
          )
          .onConflict((oc) =>
            oc
              .column('code')
              .doUpdateSet((eb) => ({
                name_ru: eb.ref('excluded.name_ru'),
                name_en: eb.ref('excluded.name_en'),
                countries: eb.ref('excluded.countries'),
                rest_of_world: eb.ref('excluded.rest_of_world'),
                archived_at: eb.ref('excluded.archived_at'),
              }))
              .where(changed('roaming_zones', ZONE_COLUMNS)),
          )
          .returning('code')
          .execute();
  const codes = zones.map((z) => z.code);
  const archived = await archiveAbsent(db, 'roaming_zones', codes, now);
  return tally(
    codes,
    before,
    written.map((r) => r.code),
    archived,
  );
}

const BAN_COLUMNS = [
  'name_ru',
  'name_en',
  'description_ru',
  'description_en',
  'bars',
  'archived_at',
] as const;

/** Bans of the file written, those absent archived; returns the counts. */
export async function upsertBans(db: Db, bans: readonly ServiceBan[], now: Date): Promise<ItemCounts> {
  const before = await codesOf(db, 'service_bans');
  const written =
    bans.length === 0
      ? []
      : await db
          .insertInto('service_bans')
          .values(
            bans.map((b) => ({
              code: b.code,
              name_ru: b.name.ru,
              name_en: b.name.en,
              description_ru: b.description.ru,
              description_en: b.description.en,
              bars: b.bars,
              archived_at: b.archivedAt,
            })),
          )
          .onConflict((oc) =>
            oc
              .column('code')
              .doUpdateSet((eb) => ({
                name_ru: eb.ref('excluded.name_ru'),
                name_en: eb.ref('excluded.name_en'),
                description_ru: eb.ref('excluded.description_ru'),
                description_en: eb.ref('excluded.description_en'),
                bars: eb.ref('excluded.bars'),
                archived_at: eb.ref('excluded.archived_at'),
              }))
              .where(changed('service_bans', BAN_COLUMNS)),
          )
          .returning('code')
          .execute();
  const codes = bans.map((b) => b.code);
  const archived = await archiveAbsent(db, 'service_bans', codes, now);
  return tally(
    codes,
    before,
    written.map((r) => r.code),
    archived,
  );
}
