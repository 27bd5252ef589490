/**
 * The operator's catalog as a data file (`demo-catalog.json`, format `kabinet-catalog/1`) and its loader.
 * `parseCatalog` (catalog-parse.ts) turns the JSON into these types — package amounts converted to network
 * units — and `loadCatalog` upserts it by `code`, so loading the same file twice changes nothing.
 */
import type { PackageKind } from '@kabinet/core';
import { newId } from '@kabinet/core';
import type { Db, LineKind } from '@kabinet/db';

export interface Localised {
  ru: string;
  en: string;
}

/** Prices of one roaming zone, kopecks. Roaming usage never comes from the home packages. */
export interface ZoneRates {
  voice_out_per_min: number;
  /** Incoming calls are free at home but not abroad. */
  voice_in_per_min: number;
  sms_out: number;
  data_per_mb: number;
}

/**
 * `tariffs.rates`: prices outside packages and rounding rules. All money is integer kopecks; a key that is
 * absent means the service is not sold on this tariff (the rater refuses it) unless a default is stated.
 *
 * - `voice_out_per_min` — an outgoing call to a Russian number beyond the packages, per minute.
 * - `voice_increment_sec` — billing step for those calls, default 60: the charged seconds are rounded up to a
 *   multiple of it (60 = per started minute, 1 = per second) and priced at `voice_out_per_min / 60` a second.
 * - `voice_intl_per_min` — an outgoing call abroad, per minute (same increment); never taken from packages.
 * - `sms_out` — an outgoing SMS to a Russian number beyond the packages; `sms_intl` — to a foreign number.
 * - `data_per_mb` — data beyond the packages, per megabyte (1 MB = 1 048 576 bytes).
 * - `data_increment_kb` — billing step for data, default 1024: the charged bytes of a session are rounded up
 *   to a multiple of this many KiB.
 * - `roaming` — zone name (`cis`, `popular`, `world`) → {@link ZoneRates}.
 * - `speed_mbps`, `tv_channels` — home internet: the line's speed and the TV package (no per-unit prices).
 * - `configurable` — the tariff is built by the subscriber (PLAN-05): see {@link ConfigurableRates}.
 *
 * Incoming calls and SMS in the home network are free and have no key. Prices finer than a kopeck arise from
 * per-second billing: they are computed in millikopecks and each charged record is rounded once, half up, by
 * `roundToKopecks` from `@kabinet/core`.
 */
export interface Rates {
  voice_out_per_min?: number;
  voice_increment_sec?: number;
  voice_intl_per_min?: number;
  sms_out?: number;
  sms_intl?: number;
  data_per_mb?: number;
  data_increment_kb?: number;
  roaming?: Record<string, ZoneRates>;
  speed_mbps?: number;
  tv_channels?: number;
  configurable?: ConfigurableRates;
}

/**
 * A configurable tariff: the monthly fee is `base_fee` plus the fee of the chosen step of each kind. The
 * tariff's own packages are the default choice, and its `fee` must equal that sum (the parser checks).
 */
export interface ConfigurableRates {
  base_fee: number;
  voice: { minutes: number; fee: number }[];
  data: { gigabytes: number; fee: number }[];
  sms: { messages: number; fee: number }[];
}

/** When a bucket made from a package is refilled: with each fee of its product, daily, monthly or never. */
export type Renew = 'fee_period' | 'day' | 'month' | 'once';
export type FeePeriod = 'day' | 'month';
export type OptionCategory = 'internet' | 'calls' | 'roaming' | 'messages' | 'extra' | 'content';

export interface CatalogPackage {
  kind: PackageKind;
  /** Network units: seconds, messages, bytes. */
  amount: bigint;
  renew: Renew;
  name: Localised;
}

export interface CatalogTariff {
  code: string;
  lineKind: LineKind;
  name: Localised;
  description: Localised;
  fee: bigint;
  feePeriod: FeePeriod;
  isPublic: boolean;
  archivedAt: Date | null;
  rates: Rates;
  packages: CatalogPackage[];
}

export interface CatalogOption {
  code: string;
  category: OptionCategory;
  name: Localised;
  description: Localised;
  connectFee: bigint;
  fee: bigint;
  /** Null for one-off options (only the connection fee). */
  feePeriod: FeePeriod | null;
  /** Content subscriptions: the short number that answers "STOP". */
  shortNumber: string | null;
  /** Tariff codes this option may be connected on; empty means any. */
  requiresTariffs: string[];
  /** Option codes that cannot be connected together with this one. */
  excludesOptions: string[];
  archivedAt: Date | null;
  packages: CatalogPackage[];
}

export interface Catalog {
  tariffs: CatalogTariff[];
  options: CatalogOption[];
}

export interface CatalogIds {
  tariffs: Record<string, string>;
  options: Record<string, string>;
}

/**
 * Upserts the catalog by `code` and returns the ids by code. Product rows are updated in place (their ids
 * stay, so lines keep pointing at them); package templates are matched by product, kind and renewal. A
 * template that left the file is deleted unless buckets still refer to it — then it stays until effective-dated
 * catalog versions exist. `requires_tariffs` and `excludes_options` hold codes, which survive reloads.
 */
export async function loadCatalog(db: Db, catalog: Catalog): Promise<CatalogIds> {
  if (!db.isTransaction) return db.transaction().execute((trx) => loadCatalog(trx, catalog));
  const tariffs = await upsertTariffs(db, catalog.tariffs);
  const options = await upsertOptions(db, catalog.options);
  const owners: Owner[] = [
    ...catalog.tariffs.map((t) => ({
      column: 'tariff_id' as const,
      id: idOf(tariffs, t.code),
      packages: t.packages,
    })),
    ...catalog.options.map((o) => ({
      column: 'option_id' as const,
      id: idOf(options, o.code),
      packages: o.packages,
    })),
  ];
  await syncPackageTemplates(db, owners);
  return { tariffs, options };
}

function idOf(ids: Record<string, string>, code: string): string {
  const id = ids[code];
  if (id === undefined) throw new Error(`Catalog product ${code} was not stored`);
  return id;
}

async function upsertTariffs(db: Db, tariffs: CatalogTariff[]): Promise<Record<string, string>> {
  if (tariffs.length === 0) return {};
  const rows = await db
    .insertInto('tariffs')
    .values(
      tariffs.map((t) => ({
        id: newId('tariff'),
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
      oc.column('code').doUpdateSet((eb) => ({
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
      })),
    )
    .returning(['id', 'code'])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

async function upsertOptions(db: Db, options: CatalogOption[]): Promise<Record<string, string>> {
  if (options.length === 0) return {};
  const rows = await db
    .insertInto('options')
    .values(
      options.map((o) => ({
        id: newId('option'),
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
        archived_at: o.archivedAt,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
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
        archived_at: eb.ref('excluded.archived_at'),
      })),
    )
    .returning(['id', 'code'])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

interface Owner {
  column: 'tariff_id' | 'option_id';
  id: string;
  packages: CatalogPackage[];
}

async function syncPackageTemplates(db: Db, owners: Owner[]): Promise<void> {
  const existing = await db.selectFrom('package_templates').selectAll().execute();
  const byKey = new Map(existing.map((t) => [`${t.tariff_id ?? t.option_id}|${t.kind}|${t.renew}`, t]));
  const keep = new Set<string>();
  const inserts = [];
  for (const owner of owners) {
    for (const p of owner.packages) {
      const found = byKey.get(`${owner.id}|${p.kind}|${p.renew}`);
      if (!found) {
        inserts.push({
          id: newId('package'),
          tariff_id: owner.column === 'tariff_id' ? owner.id : null,
          option_id: owner.column === 'option_id' ? owner.id : null,
          kind: p.kind,
          amount: p.amount,
          renew: p.renew,
          name_ru: p.name.ru,
          name_en: p.name.en,
        });
        continue;
      }
      keep.add(found.id);
      if (found.amount !== p.amount || found.name_ru !== p.name.ru || found.name_en !== p.name.en) {
        await db
          .updateTable('package_templates')
          .set({ amount: p.amount, name_ru: p.name.ru, name_en: p.name.en })
          .where('id', '=', found.id)
          .execute();
      }
    }
  }
  if (inserts.length > 0) await db.insertInto('package_templates').values(inserts).execute();
  const ownerIds = new Set(owners.map((o) => o.id));
  const stale = existing
    .filter((t) => ownerIds.has(t.tariff_id ?? t.option_id ?? '') && !keep.has(t.id))
    .map((t) => t.id);
  if (stale.length > 0) {
    await db
      .deleteFrom('package_templates')
      .where('id', 'in', stale)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('buckets')
              .select('buckets.id')
              .whereRef('buckets.package_template_id', '=', 'package_templates.id'),
          ),
        ),
      )
      .execute();
  }
}
