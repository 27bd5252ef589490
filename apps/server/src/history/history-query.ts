import type { ServicePeriod } from '@kabinet/core';
import type { Db } from '@kabinet/db';

/**
 * SVC-10: the line's tariff and option periods, oldest first. A line with no history yet (created after the
 * backfill) reads as its current state since activation and connection; nothing is written on a read.
 */
export async function loadPeriods(db: Db, lineId: string): Promise<ServicePeriod[]> {
  const rows = await db
    .selectFrom('line_service_periods')
    .select(['tariff_id', 'option_id', 'valid_from', 'valid_to'])
    .where('line_id', '=', lineId)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
  if (rows.length > 0) {
    return rows.map((r) => ({
      kind: r.tariff_id ? ('tariff' as const) : ('option' as const),
      itemId: (r.tariff_id ?? r.option_id) as string,
      from: r.valid_from,
      to: r.valid_to,
    }));
  }
  const line = await db
    .selectFrom('lines')
    .select(['tariff_id', 'activated_at'])
    .where('id', '=', lineId)
    .executeTakeFirst();
  if (!line) return [];
  const options = await db
    .selectFrom('line_options')
    .select(['option_id', 'connected_at'])
    .where('line_id', '=', lineId)
    .execute();
  return [
    { kind: 'tariff', itemId: line.tariff_id, from: line.activated_at, to: null },
    ...options.map((o) => ({ kind: 'option' as const, itemId: o.option_id, from: o.connected_at, to: null })),
  ];
}

/** A tariff or option of the catalog with what the history and the revert need. */
export interface CatalogItem {
  id: string;
  code: string;
  name: { ru: string; en: string };
}

/** Tariffs by id, with whether each is on offer to a line of `lineKind` and its transition fee rates. */
export async function loadTariffsById(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('tariffs')
    .select([
      'id',
      'code',
      'name_ru',
      'name_en',
      'line_kind',
      'is_public',
      'archived_at',
      'rates',
      'fee',
      'fee_period',
    ])
    .where('id', 'in', ids)
    .execute();
}

/** Options by id, whatever their state. */
export async function loadOptionsById(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('options')
    .select([
      'id',
      'code',
      'name_ru',
      'name_en',
      'category',
      'archived_at',
      'connect_fee',
      'fee',
      'fee_period',
      'requires_tariffs',
      'excludes_options',
    ])
    .where('id', 'in', ids)
    .execute();
}
