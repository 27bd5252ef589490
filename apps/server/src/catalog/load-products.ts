/** Upserts tariffs and options by code (ids stay, so lines keep pointing at them). */
import { type CatalogOption, type CatalogTariff, newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { archiveAbsent, changed, codesOf, tally } from './load-common.ts';
import type { ItemCounts } from './load-summary.ts';

export interface Upserted {
  ids: Record<string, string>;
  counts: ItemCounts;
}

const TARIFF_COLUMNS = [
  'line_kind',
  'name_ru',
  'name_en',
  'description_ru',
  'description_en',
  'fee',
  'fee_period',
  'rates',
  'is_public',
  'archived_at',
] as const;

async function idsOf(db: Db, table: 'tariffs' | 'options'): Promise<Record<string, string>> {
  const rows = await db.selectFrom(table).select(['id', 'code']).execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

/** Tariffs of the file written, those absent archived. */
export async function upsertTariffs(db: Db, tariffs: readonly CatalogTariff[], now: Date): Promise<Upserted> {
  const before = await codesOf(db, 'tariffs');
  const written =
    tariffs.length === 0
      ? []
      : await db
          .insertInto('tariffs')
          .values(
            tariffs.map((t) => ({
              id: newId('tariff', now),
              code: t.code,
              line_kind: t.lineKind,
              name_ru: t.name.ru,
              name_en: t.name.en,
              description_ru: t.description.ru,
              description_en: t.description.en,
              fee: t.fee,
              fee_period: t.feePeriod,
              rates: JSON.stringify(t.rates),
              is_public: t.isPublic,
              archived_at: t.archivedAt,
            })),
          )
          .onConflict((oc) =>
            oc
              .column('code')
              .doUpdateSet((eb) => ({
                line_kind: eb.ref('excluded.line_kind'),
                name_ru: eb.ref('excluded.name_ru'),
                name_en: eb.ref('excluded.name_en'),
                description_ru: eb.ref('excluded.description_ru'),
                description_en: eb.ref('excluded.description_en'),
                fee: eb.ref('excluded.fee'),
                fee_period: eb.ref('excluded.fee_period'),
                rates: eb.ref('excluded.rates'),
                is_public: eb.ref('excluded.is_public'),
                archived_at: eb.ref('excluded.archived_at'),
              }))
              .where(changed('tariffs', TARIFF_COLUMNS)),
          )
          .returning('code')
          .execute();
  const codes = tariffs.map((t) => t.code);
  const archived = await archiveAbsent(db, 'tariffs', codes, now);
  const counts = tally(
    codes,
    before,
    written.map((r) => r.code),
    archived,
  );
  return { ids: await idsOf(db, 'tariffs'), counts };
}

const OPTION_COLUMNS = [
  'category',
  'name_ru',
  'name_en',
  'description_ru',
  'description_en',
  'connect_fee',
  'fee',
  'fee_period',
  'short_number',
  'requires_tariffs',
  'excludes_options',
  'roaming_zones',
  'archived_at',
] as const;

/** Options of the file written, those absent archived. */
export async function upsertOptions(db: Db, options: readonly CatalogOption[], now: Date): Promise<Upserted> {
  const before = await codesOf(db, 'options');
  const written =
    options.length === 0
      ? []
      : await db
          .insertInto('options')
          .values(
            options.map((o) => ({
              id: newId('option', now),
              code: o.code,
              category: o.category,
              name_ru: o.name.ru,
              name_en: o.name.en,
              description_ru: o.description.ru,
              description_en: o.description.en,
              connect_fee: o.connectFee,
              fee: o.fee,
              fee_period: o.feePeriod,
              short_number: o.shortNumber,
              requires_tariffs: o.requiresTariffs,
              excludes_options: o.excludesOptions,
              roaming_zones: o.roamingZones,
              archived_at: o.archivedAt,
            })),
          )
          .onConflict((oc) =>
            oc
              .column('code')
              .doUpdateSet((eb) => ({
                category: eb.ref('excluded.category'),
                name_ru: eb.ref('excluded.name_ru'),
                name_en: eb.ref('excluded.name_en'),
                description_ru: eb.ref('excluded.description_ru'),
                description_en: eb.ref('excluded.description_en'),
                connect_fee: eb.ref('excluded.connect_fee'),
                fee: eb.ref('excluded.fee'),
                fee_period: eb.ref('excluded.fee_period'),
                short_number: eb.ref('excluded.short_number'),
                requires_tariffs: eb.ref('excluded.requires_tariffs'),
                excludes_options: eb.ref('excluded.excludes_options'),
                roaming_zones: eb.ref('excluded.roaming_zones'),
                archived_at: eb.ref('excluded.archived_at'),
              }))
              .where(changed('options', OPTION_COLUMNS)),
          )
          .returning('code')
          .execute();
  const codes = options.map((o) => o.code);
  const archived = await archiveAbsent(db, 'options', codes, now);
  const counts = tally(
    codes,
    before,
    written.map((r) => r.code),
    archived,
  );
  return { ids: await idsOf(db, 'options'), counts };
}
