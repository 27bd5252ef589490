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
