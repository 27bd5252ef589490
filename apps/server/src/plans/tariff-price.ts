/**
 * The fee of a tariff as the line pays it: effective-dated catalog prices (OPS-03) and, on a configurable
 * tariff, the line's chosen amounts (PLAN-05). Screens, the change command and the periodic fee job read it
 * here, so what is shown is what is charged.
 */
import {
  type ConfigurableChoice,
  type ConfigurableRates,
  checkChoice,
  defaultChoice,
  type PriceChange,
  tariffFeeAt,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { priceChangesOf } from '../catalog/price-changes-query.ts';
import type { TariffRow, TemplateRow } from './catalog-query.ts';

/** A tariff's `rates.configurable`, when it is a configurable tariff (the loader checked its shape). */
export function configurableOf(rates: Record<string, unknown>): ConfigurableRates | null {
  const c = rates.configurable;
  if (typeof c !== 'object' || c === null) return null;
  const r = c as Partial<ConfigurableRates>;
  const ok =
    typeof r.base_fee === 'number' && Array.isArray(r.voice) && Array.isArray(r.data) && Array.isArray(r.sms);
  return ok ? (c as ConfigurableRates) : null;
}

/** The slider positions a tariff's own packages make: the default choice, in whole display units. */
export function defaultChoiceOf(templates: readonly TemplateRow[]): ConfigurableChoice {
  return defaultChoice(
    templates.map((t) => ({ kind: t.kind, amount: t.amount, renew: t.renew, name: { ru: '', en: '' } })),
  );
}

/**
 * Whether a stored choice still prices on the tariff's current steps: a catalog reload may have removed a step,
 * and then the line is back on the tariff's default (fee and packages) until it chooses again.
 */
export function validChoice(rates: Record<string, unknown>, choice: ConfigurableChoice): boolean {
  const configurable = configurableOf(rates);
  return configurable !== null && checkChoice(configurable, choice).length === 0;
}

/** The line's chosen amounts on `tariffId`, or null when it has made none there (or they no longer price). */
export async function loadChoice(
  db: Db,
  lineId: string,
  tariffId: string,
): Promise<ConfigurableChoice | null> {
  const row = await db
    .selectFrom('line_tariff_choices as c')
    .innerJoin('tariffs as t', 't.id', 'c.tariff_id')
    .select(['c.minutes', 'c.gigabytes', 'c.messages', 't.rates'])
    .where('c.line_id', '=', lineId)
    .where('c.tariff_id', '=', tariffId)
    .executeTakeFirst();
  if (!row) return null;
  const choice = { minutes: row.minutes, gigabytes: row.gigabytes, messages: row.messages };
  return validChoice(row.rates, choice) ? choice : null;
}

/** Stores the line's choice on a configurable tariff (one per line: a new one replaces the last). */
export async function saveChoice(
  trx: Db,
  input: { lineId: string; tariffId: string; choice: ConfigurableChoice; requestId: string; at: Date },
): Promise<void> {
  const values = {
    tariff_id: input.tariffId,
    minutes: input.choice.minutes,
    gigabytes: input.choice.gigabytes,
    messages: input.choice.messages,
    request_id: input.requestId,
    chosen_at: input.at,
  };
  await trx
    .insertInto('line_tariff_choices')
    .values({ line_id: input.lineId, ...values })
    .onConflict((oc) => oc.column('line_id').doUpdateSet(values))
    .execute();
}

/** Prices tariffs at instants: their price changes are read once, up front. */
export interface TariffPricer {
  /** The fee of `tariff` due at `at`, for a line with `choice` on it (null: the default). */
  feeAt(tariff: TariffRow, choice: ConfigurableChoice | null, at: Date): bigint;
}

/** A pricer for the given tariffs (one query for all their price changes). */
export async function tariffPricer(
  db: Db,
  tariffs: readonly TariffRow[],
  timeZone: string,
): Promise<TariffPricer> {
  const changes = await priceChangesOf(
    db,
    tariffs.map((t) => t.id),
  );
  const none: PriceChange[] = [];
  return {
    feeAt: (tariff, choice, at) =>
      tariffFeeAt(
        {
          fee: tariff.fee,
          priceChanges: changes.get(tariff.id) ?? none,
          configurable: configurableOf(tariff.rates),
        },
        choice,
        at,
        timeZone,
      ),
  };
}

/**
 * The periodic fee of the line's current tariff due at `at` (kopecks), honouring price changes and the line's
 * choice on a configurable tariff. For the periodic fee job: charge exactly this.
 */
export async function lineTariffFee(db: Db, lineId: string, at: Date, timeZone: string): Promise<bigint> {
  const row = await db
    .selectFrom('lines')
    .innerJoin('tariffs', 'tariffs.id', 'lines.tariff_id')
    .select([
      'tariffs.id',
      'tariffs.code',
      'tariffs.line_kind',
      'tariffs.name_ru',
      'tariffs.name_en',
      'tariffs.description_ru',
      'tariffs.description_en',
      'tariffs.fee',
      'tariffs.fee_period',
      'tariffs.rates',
    ])
    .where('lines.id', '=', lineId)
    .executeTakeFirstOrThrow();
  const pricer = await tariffPricer(db, [row], timeZone);
  return pricer.feeAt(row, await loadChoice(db, lineId, row.id), at);
}
