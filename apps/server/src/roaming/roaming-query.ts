import { roamingAccess, zonePrices } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { ROAMING_DEFAULT, type RoamingLine } from './roaming-line.ts';

/** The bars of the line's enabled bans (SVC-04), which narrow what roaming allows. */
export async function enabledBars(db: Db, lineId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('line_bans')
    .innerJoin('service_bans', 'service_bans.code', 'line_bans.ban_code')
    .select('service_bans.bars')
    .where('line_bans.line_id', '=', lineId)
    .where('service_bans.archived_at', 'is', null)
    .execute();
  return rows.flatMap((r) => r.bars);
}

/** SVC-05: the line's roaming switch, what works abroad, the roaming bans, zone prices and roaming packages. */
export async function loadRoaming(db: Db, line: RoamingLine) {
  const [bars, zones, bans, options] = await Promise.all([
    enabledBars(db, line.id),
    db.selectFrom('roaming_zones').selectAll().where('archived_at', 'is', null).orderBy('code').execute(),
    db
      .selectFrom('service_bans as b')
      .leftJoin('line_bans as lb', (join) =>
        join.onRef('lb.ban_code', '=', 'b.code').on('lb.line_id', '=', line.id),
      )
      .select(['b.code', 'b.name_ru', 'b.name_en', 'b.bars', 'lb.enabled_at'])
      .where('b.archived_at', 'is', null)
      .where(sql<boolean>`b.bars && ARRAY['roaming_voice', 'roaming_sms', 'roaming_data']`)
      .orderBy('b.code')
      .execute(),
    db
      .selectFrom('options as o')
      .leftJoin('line_options as lo', (join) =>
        join.onRef('lo.option_id', '=', 'o.id').on('lo.line_id', '=', line.id),
      )
      .select(['o.id', 'o.code', 'o.roaming_zones', 'o.archived_at', 'lo.line_id'])
      .where('o.category', '=', 'roaming')
      // Archived packages still show while connected: the subscriber must be able to see and drop them.
      .where((eb) => eb.or([eb('o.archived_at', 'is', null), eb('lo.line_id', 'is not', null)]))
      .orderBy('o.code')
      .execute(),
  ]);
  const enabled = line.enabled ?? ROAMING_DEFAULT;
  return {
    enabled,
    updatedAt: line.updated_at ? line.updated_at.toISOString() : null,
    access: roamingAccess(enabled, bars),
    bans: bans.map((b) => ({
      code: b.code,
      name: { ru: b.name_ru, en: b.name_en },
      bars: b.bars,
      enabled: b.enabled_at !== null,
    })),
    zones: zonePrices(
      zones.map((z) => ({
        code: z.code,
        name: { ru: z.name_ru, en: z.name_en },
        countries: z.countries,
        restOfWorld: z.rest_of_world,
        archivedAt: z.archived_at,
      })),
      line.rates,
    ),
    packages: options.map((o) => ({
      optionId: o.id,
      code: o.code,
      zones: o.roaming_zones,
      connected: o.line_id !== null,
    })),
  };
}
