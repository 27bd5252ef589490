import type { Db } from '@kabinet/db';

/** A ban of the catalog with when this line switched it on (null when off). */
export interface BanRow {
  code: string;
  name_ru: string;
  name_en: string;
  description_ru: string;
  description_en: string;
  bars: string[];
  enabled_at: Date | null;
}

function bansQuery(db: Db, lineId: string) {
  return db
    .selectFrom('service_bans as b')
    .leftJoin('line_bans as lb', (join) =>
      join.onRef('lb.ban_code', '=', 'b.code').on('lb.line_id', '=', lineId),
    )
    .select([
      'b.code',
      'b.name_ru',
      'b.name_en',
      'b.description_ru',
      'b.description_en',
      'b.bars',
      'lb.enabled_at',
    ])
    .where('b.archived_at', 'is', null);
}

/** Every ban of the catalog that is not archived, with this line's state, by code. */
export async function loadBans(db: Db, lineId: string): Promise<BanRow[]> {
  return bansQuery(db, lineId).orderBy('b.code').execute();
}

/** One ban that is not archived, with this line's state; undefined for an unknown or archived code. */
export async function loadBan(db: Db, lineId: string, code: string): Promise<BanRow | undefined> {
  return bansQuery(db, lineId).where('b.code', '=', code).executeTakeFirst();
}

/** SVC-04: a ban as the API shows it. */
export function presentBan(row: BanRow) {
  return {
    code: row.code,
    name: { ru: row.name_ru, en: row.name_en },
    description: { ru: row.description_ru, en: row.description_en },
    bars: row.bars,
    enabled: row.enabled_at !== null,
    enabledAt: row.enabled_at ? row.enabled_at.toISOString() : null,
  };
}
