/** Catalog rows for the tariff and option API tests: products with exactly the rules a test needs. */
import { fromDisplayUnits, newId, type PackageKind } from '@kabinet/core';
import type { Db, FeePeriod, LineKind } from '@kabinet/db';

/** A package in display units (minutes, SMS, MB). */
export interface FixturePackage {
  kind: PackageKind;
  amount: number;
  renew?: 'fee_period' | 'day' | 'month' | 'once';
}

function templates(owner: { tariff_id: string } | { option_id: string }, packages: FixturePackage[]) {
  return packages.map((p) => ({
    id: newId('package'),
    tariff_id: null,
    option_id: null,
    ...owner,
    kind: p.kind,
    amount: fromDisplayUnits(p.kind, p.amount),
    renew: p.renew ?? ('fee_period' as const),
    name_ru: `Пакет ${p.kind}`,
    name_en: `${p.kind} package`,
  }));
}

/** A tariff on offer (public, mobile, monthly unless told), with packages and `rates`. */
export async function buildOfferTariff(
  db: Db,
  o: {
    name?: string;
    fee?: bigint;
    feePeriod?: FeePeriod;
    rates?: Record<string, unknown>;
    isPublic?: boolean;
    archived?: boolean;
    lineKind?: LineKind;
    packages?: FixturePackage[];
  } = {},
) {
  const id = newId('tariff');
  const code = `t-${id.slice(-8)}`;
  await db
    .insertInto('tariffs')
    .values({
      id,
      code,
      line_kind: o.lineKind ?? 'mobile',
      name_ru: o.name ?? `Тариф ${code}`,
      name_en: o.name ?? `Tariff ${code}`,
      fee: o.fee ?? 600_00n,
      fee_period: o.feePeriod ?? 'month',
      rates: JSON.stringify(o.rates ?? {}),
      is_public: o.isPublic ?? true,
      archived_at: o.archived ? new Date() : null,
    })
    .execute();
  const rows = templates({ tariff_id: id }, o.packages ?? [{ kind: 'voice', amount: 1000 }]);
  if (rows.length > 0) await db.insertInto('package_templates').values(rows).execute();
  return { id, code };
}

/** An option (category `internet` unless told) with packages and compatibility rules. */
export async function buildOption(
  db: Db,
  o: {
    name?: string;
    category?: 'internet' | 'calls' | 'roaming' | 'messages' | 'extra' | 'content';
    connectFee?: bigint;
    fee?: bigint;
    feePeriod?: FeePeriod | null;
    shortNumber?: string | null;
    requiresTariffs?: string[];
    excludesOptions?: string[];
    archived?: boolean;
    packages?: FixturePackage[];
  } = {},
) {
  const id = newId('option');
  const code = `o-${id.slice(-8)}`;
  await db
    .insertInto('options')
    .values({
      id,
      code,
      category: o.category ?? 'internet',
      name_ru: o.name ?? `Опция ${code}`,
      name_en: o.name ?? `Option ${code}`,
      connect_fee: o.connectFee ?? 0n,
      fee: o.fee ?? 0n,
      fee_period: o.feePeriod === undefined ? 'month' : o.feePeriod,
      short_number: o.shortNumber ?? null,
      requires_tariffs: o.requiresTariffs ?? [],
      excludes_options: o.excludesOptions ?? [],
      archived_at: o.archived ? new Date() : null,
    })
    .execute();
  const rows = templates({ option_id: id }, o.packages ?? []);
  if (rows.length > 0) await db.insertInto('package_templates').values(rows).execute();
  return { id, code };
}

/** The builder steps of the PLAN-05 tests: 100/300/600 min, 5/10/20 GB, 0/100 SMS on a 150 ₽ base. */
export const BUILDER_STEPS = {
  base_fee: 150_00,
  voice: [
    { minutes: 100, fee: 50_00 },
    { minutes: 300, fee: 120_00 },
    { minutes: 600, fee: 200_00 },
  ],
  data: [
    { gigabytes: 5, fee: 120_00 },
    { gigabytes: 10, fee: 200_00 },
    { gigabytes: 20, fee: 300_00 },
  ],
  sms: [
    { messages: 0, fee: 0 },
    { messages: 100, fee: 30_00 },
  ],
};

/**
 * A configurable tariff (PLAN-05) with {@link BUILDER_STEPS}: by default 300 min, 10 GB, 100 SMS for 500 ₽ a
 * month, the fee the catalog check demands.
 */
export async function buildConfigurableTariff(db: Db, o: { transitionFee?: number } = {}) {
  return buildOfferTariff(db, {
    fee: 500_00n,
    rates: {
      configurable: BUILDER_STEPS,
      ...(o.transitionFee === undefined ? {} : { transition_fee: o.transitionFee }),
    },
    packages: [
      { kind: 'voice', amount: 300 },
      { kind: 'data', amount: 10 * 1024 },
      { kind: 'sms', amount: 100 },
    ],
  });
}

/** A catalog price change of a tariff from `from` (`YYYY-MM-DD`, operator zone), as `catalog load` writes it. */
export async function addPriceChange(db: Db, tariffId: string, from: string, fee: bigint): Promise<void> {
  await db
    .insertInto('catalog_price_changes')
    .values({ tariff_id: tariffId, option_id: null, effective_from: from, fee, connect_fee: null })
    .execute();
}
