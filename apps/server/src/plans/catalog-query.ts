import type { Db, FeePeriod, LineKind, PackageKindColumn } from '@kabinet/db';

/** A tariff as stored. */
export interface TariffRow {
  id: string;
  code: string;
  line_kind: LineKind;
  name_ru: string;
  name_en: string;
  description_ru: string;
  description_en: string;
  fee: bigint;
  fee_period: FeePeriod;
  rates: Record<string, unknown>;
}

/** A package template of a tariff or option. */
export interface TemplateRow {
  id: string;
  tariff_id: string | null;
  option_id: string | null;
  kind: PackageKindColumn;
  amount: bigint;
  renew: 'fee_period' | 'day' | 'month' | 'once';
  name_ru: string;
  name_en: string;
}

const TARIFF_COLUMNS = [
  'id',
  'code',
  'line_kind',
  'name_ru',
  'name_en',
  'description_ru',
  'description_en',
  'fee',
  'fee_period',
  'rates',
] as const;

/** A tariff by id, whatever its state. */
export async function loadTariff(db: Db, tariffId: string): Promise<TariffRow | undefined> {
  return db.selectFrom('tariffs').select(TARIFF_COLUMNS).where('id', '=', tariffId).executeTakeFirst();
}

/** Tariffs a line of `lineKind` may move to: public, not archived, of its kind (PLAN-02). */
export async function loadOfferedTariffs(
  db: Db,
  lineKind: LineKind,
  tariffId?: string,
): Promise<TariffRow[]> {
  let query = db
    .selectFrom('tariffs')
    .select(TARIFF_COLUMNS)
    .where('line_kind', '=', lineKind)
    .where('is_public', '=', true)
    .where('archived_at', 'is', null);
  if (tariffId) query = query.where('id', '=', tariffId);
  return query.orderBy('code').execute();
}

/** Package templates of the given tariffs or options, in a stable order. */
export async function loadTemplates(
  db: Db,
  owner: 'tariff_id' | 'option_id',
  ids: string[],
): Promise<TemplateRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('package_templates')
    .select(['id', 'tariff_id', 'option_id', 'kind', 'amount', 'renew', 'name_ru', 'name_en'])
    .where(owner, 'in', ids)
    .orderBy('kind')
    .orderBy('id')
    .execute();
}
