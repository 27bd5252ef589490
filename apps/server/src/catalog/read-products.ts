/** Reads tariffs and options of a catalog file into domain values (amounts in network units). */
import type { CatalogLineKind, CatalogOption, CatalogTariff, FeePeriod, OptionCategory } from '@kabinet/core';
import type { FieldReader } from './field-reader.ts';
import { readDescription, readNames, readPackage, readPriceChange } from './read-parts.ts';
import { readRates } from './read-rates.ts';

const TARIFF_KEYS = [
  'code',
  'line_kind',
  'name',
  'description',
  'fee',
  'fee_period',
  'public',
  'archived_at',
  'packages',
  'rates',
  'price_changes',
];

/** One tariff of `tariffs`. */
export function readTariff(r: FieldReader, value: unknown, path: string): CatalogTariff {
  const o = r.object(value, path, TARIFF_KEYS);
  return {
    code: r.string(o.code, `${path}.code`),
    lineKind:
      r.oneOf<CatalogLineKind>(
        o.line_kind ?? 'mobile',
        ['mobile', 'home_internet', 'tv', 'home_phone'],
        `${path}.line_kind`,
      ) ?? 'mobile',
    name: readNames(r, o.name, `${path}.name`),
    description: readDescription(r, o.description, `${path}.description`),
    fee: BigInt(r.kopecks(o.fee, `${path}.fee`)),
    feePeriod: r.oneOf<FeePeriod>(o.fee_period, ['day', 'month'], `${path}.fee_period`) ?? 'month',
    isPublic: r.boolean(o.public, `${path}.public`, true),
    archivedAt: r.instant(o.archived_at, `${path}.archived_at`),
    rates: readRates(r, o.rates, `${path}.rates`),
    packages: r.array(o.packages, `${path}.packages`, (p, at) => readPackage(r, p, at)),
    priceChanges: r.array(o.price_changes, `${path}.price_changes`, (c, at) =>
      readPriceChange(r, c, at, false),
    ),
  };
}

const CATEGORIES: readonly OptionCategory[] = [
  'internet',
  'calls',
  'roaming',
  'messages',
  'extra',
  'content',
];
const OPTION_KEYS = [
  'code',
  'category',
  'name',
  'description',
  'connect_fee',
  'fee',
  'fee_period',
  'short_number',
  'requires_tariffs',
  'excludes_options',
  'roaming_zones',
  'archived_at',
  'packages',
  'price_changes',
];

/** One option of `options`. */
export function readOption(r: FieldReader, value: unknown, path: string): CatalogOption {
  const o = r.object(value, path, OPTION_KEYS);
  const codes = (v: unknown, p: string) => r.array(v, p, (c, at) => r.string(c, at));
  return {
    code: r.string(o.code, `${path}.code`),
    category: r.oneOf(o.category, CATEGORIES, `${path}.category`) ?? 'extra',
    name: readNames(r, o.name, `${path}.name`),
    description: readDescription(r, o.description, `${path}.description`),
    connectFee: BigInt(r.kopecks(o.connect_fee ?? 0, `${path}.connect_fee`)),
    fee: BigInt(r.kopecks(o.fee ?? 0, `${path}.fee`)),
    feePeriod:
      o.fee_period === undefined || o.fee_period === null
        ? null
        : r.oneOf<FeePeriod>(o.fee_period, ['day', 'month'], `${path}.fee_period`),
    shortNumber: r.nullableString(o.short_number, `${path}.short_number`),
    requiresTariffs: codes(o.requires_tariffs, `${path}.requires_tariffs`),
    excludesOptions: codes(o.excludes_options, `${path}.excludes_options`),
    roamingZones: codes(o.roaming_zones, `${path}.roaming_zones`),
    archivedAt: r.instant(o.archived_at, `${path}.archived_at`),
    packages: r.array(o.packages, `${path}.packages`, (p, at) => readPackage(r, p, at)),
    priceChanges: r.array(o.price_changes, `${path}.price_changes`, (c, at) =>
      readPriceChange(r, c, at, true),
    ),
  };
}
