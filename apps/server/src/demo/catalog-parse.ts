/**
 * Reads a catalog file (format `kabinet-catalog/1`) into typed, checked values. A bad file fails with the path
 * of the offending field (`tariffs[3].packages[0].minutes`), never with half a catalog loaded.
 */
import { readFileSync } from 'node:fs';
import { fromDisplayUnits } from '@kabinet/core';
import type { LineKind } from '@kabinet/db';
import type {
  Catalog,
  CatalogOption,
  CatalogPackage,
  CatalogTariff,
  ConfigurableRates,
  FeePeriod,
  Localised,
  OptionCategory,
  Rates,
  Renew,
  ZoneRates,
} from './catalog.ts';

export const CATALOG_FORMAT = 'kabinet-catalog/1';

export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}

type Obj = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new CatalogError(`${path}: ${message}`);
}

function obj(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  return value as Obj;
}

function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  return value;
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, 'expected a non-empty string');
  return value;
}

/** A non-negative integer: kopecks, minutes, megabytes. A float here is a bug in the file, not a price. */
function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, 'expected a non-negative integer');
  }
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function localised(value: unknown, path: string): Localised {
  const o = obj(value, path);
  return { ru: str(o.ru, `${path}.ru`), en: str(o.en, `${path}.en`) };
}

/** Descriptions may be left out or empty; names may not. */
function description(value: unknown, path: string): Localised {
  if (value === undefined) return { ru: '', en: '' };
  const o = obj(value, path);
  const text = (v: unknown, p: string) => {
    if (typeof v !== 'string') fail(p, 'expected a string');
    return v;
  };
  return { ru: text(o.ru, `${path}.ru`), en: text(o.en, `${path}.en`) };
}

function optionalDate(value: unknown, path: string): Date | null {
  if (value === null || value === undefined) return null;
  const date = new Date(str(value, path));
  if (Number.isNaN(date.getTime())) fail(path, 'expected an ISO date');
  return date;
}

const DEFAULT_NAMES: Record<CatalogPackage['kind'], Localised> = {
  voice: { ru: 'Минуты', en: 'Minutes' },
  sms: { ru: 'SMS', en: 'SMS' },
  data: { ru: 'Интернет', en: 'Internet' },
};

function parsePackage(value: unknown, path: string, feePeriod: FeePeriod | null): CatalogPackage {
  const o = obj(value, path);
  const kind = oneOf(o.kind, ['voice', 'sms', 'data'] as const, `${path}.kind`);
  const renew = oneOf<Renew>(o.renew, ['fee_period', 'day', 'month', 'once'], `${path}.renew`);
  if (renew === 'fee_period' && feePeriod === null) fail(`${path}.renew`, 'fee_period needs a periodic fee');
  let amount: bigint;
  if (kind === 'voice') amount = fromDisplayUnits('voice', count(o.minutes, `${path}.minutes`));
  else if (kind === 'sms') amount = fromDisplayUnits('sms', count(o.messages, `${path}.messages`));
  else if (o.gigabytes !== undefined)
    amount = fromDisplayUnits('data', count(o.gigabytes, `${path}.gigabytes`) * 1024);
  else amount = fromDisplayUnits('data', count(o.megabytes, `${path}.megabytes`));
  if (amount <= 0n) fail(path, 'a package must hold something');
  const name = o.name === undefined ? DEFAULT_NAMES[kind] : localised(o.name, `${path}.name`);
  return { kind, amount, renew, name };
}

function parsePackages(value: unknown, path: string, feePeriod: FeePeriod | null): CatalogPackage[] {
  const packages = arr(value ?? [], path).map((p, i) => parsePackage(p, `${path}[${i}]`, feePeriod));
  const seen = new Set<string>();
  for (const [i, p] of packages.entries()) {
    // The loader matches templates by kind and renewal: two alike in one product would be indistinguishable.
    const key = `${p.kind}|${p.renew}`;
    if (seen.has(key)) fail(`${path}[${i}]`, `a second ${p.kind} package renewed by ${p.renew}`);
    seen.add(key);
  }
  return packages;
}

const RATE_KEYS = [
  'voice_out_per_min',
  'voice_increment_sec',
  'voice_intl_per_min',
  'sms_out',
  'sms_intl',
  'data_per_mb',
  'data_increment_kb',
  'speed_mbps',
  'tv_channels',
] as const;

function parseZone(value: unknown, path: string): ZoneRates {
  const o = obj(value, path);
  return {
    voice_out_per_min: count(o.voice_out_per_min, `${path}.voice_out_per_min`),
    voice_in_per_min: count(o.voice_in_per_min, `${path}.voice_in_per_min`),
    sms_out: count(o.sms_out, `${path}.sms_out`),
    data_per_mb: count(o.data_per_mb, `${path}.data_per_mb`),
  };
}

function steps<K extends string>(
  value: unknown,
  key: K,
  path: string,
): ({ fee: number } & Record<K, number>)[] {
  return arr(value, path).map((s, i) => {
    const o = obj(s, `${path}[${i}]`);
    return { [key]: count(o[key], `${path}[${i}].${key}`), fee: count(o.fee, `${path}[${i}].fee`) } as {
      fee: number;
    } & Record<K, number>;
  });
}

function parseConfigurable(value: unknown, path: string): ConfigurableRates {
  const o = obj(value, path);
  return {
    base_fee: count(o.base_fee, `${path}.base_fee`),
    voice: steps(o.voice, 'minutes', `${path}.voice`),
    data: steps(o.data, 'gigabytes', `${path}.data`),
    sms: steps(o.sms, 'messages', `${path}.sms`),
  };
}

function parseRates(value: unknown, path: string): Rates {
  const o = obj(value ?? {}, path);
  const rates: Rates = {};
  for (const key of Object.keys(o)) {
    if (key === 'roaming') {
      const zones = obj(o.roaming, `${path}.roaming`);
      rates.roaming = Object.fromEntries(
        Object.entries(zones).map(([zone, z]) => [zone, parseZone(z, `${path}.roaming.${zone}`)]),
      );
    } else if (key === 'configurable') {
      rates.configurable = parseConfigurable(o.configurable, `${path}.configurable`);
    } else if ((RATE_KEYS as readonly string[]).includes(key)) {
      rates[key as (typeof RATE_KEYS)[number]] = count(o[key], `${path}.${key}`);
    } else {
      fail(`${path}.${key}`, 'unknown rate (see Rates in catalog.ts)');
    }
  }
  if (rates.voice_increment_sec === 0) fail(`${path}.voice_increment_sec`, 'must be at least 1');
  if (rates.data_increment_kb === 0) fail(`${path}.data_increment_kb`, 'must be at least 1');
  return rates;
}

/** The default choice of a configurable tariff is its packages; the fee must be what the builder would ask. */
function checkConfigurable(t: CatalogTariff, path: string): void {
  const c = t.rates.configurable;
  if (!c) return;
  const chosen = (kind: CatalogPackage['kind']) => t.packages.find((p) => p.kind === kind)?.amount ?? 0n;
  const stepFee = (list: { fee: number }[], amounts: bigint[], target: bigint, kind: string) => {
    const index = amounts.indexOf(target);
    const step = list[index];
    if (!step) fail(`${path}.rates.configurable.${kind}`, 'the tariff’s package is not one of the steps');
    return step.fee;
  };
  const fee =
    c.base_fee +
    stepFee(
      c.voice,
      c.voice.map((s) => fromDisplayUnits('voice', s.minutes)),
      chosen('voice'),
      'voice',
    ) +
    stepFee(
      c.data,
      c.data.map((s) => fromDisplayUnits('data', s.gigabytes * 1024)),
      chosen('data'),
      'data',
    ) +
    stepFee(
      c.sms,
      c.sms.map((s) => fromDisplayUnits('sms', s.messages)),
      chosen('sms'),
      'sms',
    );
  if (BigInt(fee) !== t.fee)
    fail(`${path}.fee`, `a configurable tariff's fee must be ${fee} for its packages`);
}

function parseTariff(value: unknown, path: string): CatalogTariff {
  const o = obj(value, path);
  const feePeriod = oneOf<FeePeriod>(o.fee_period, ['day', 'month'], `${path}.fee_period`);
  const tariff: CatalogTariff = {
    code: str(o.code, `${path}.code`),
    lineKind: oneOf<LineKind>(
      o.line_kind ?? 'mobile',
      ['mobile', 'home_internet', 'tv', 'home_phone'],
      `${path}.line_kind`,
    ),
    name: localised(o.name, `${path}.name`),
    description: description(o.description, `${path}.description`),
    fee: BigInt(count(o.fee, `${path}.fee`)),
    feePeriod,
    isPublic: o.public === undefined ? true : o.public === true,
    archivedAt: optionalDate(o.archived_at, `${path}.archived_at`),
    rates: parseRates(o.rates, `${path}.rates`),
    packages: parsePackages(o.packages, `${path}.packages`, feePeriod),
  };
  checkConfigurable(tariff, path);
  return tariff;
}

const CATEGORIES: readonly OptionCategory[] = [
  'internet',
  'calls',
  'roaming',
  'messages',
  'extra',
  'content',
];

function parseOption(value: unknown, path: string): CatalogOption {
  const o = obj(value, path);
  const feePeriod =
    o.fee_period === null || o.fee_period === undefined
      ? null
      : oneOf<FeePeriod>(o.fee_period, ['day', 'month'], `${path}.fee_period`);
  const fee = BigInt(count(o.fee ?? 0, `${path}.fee`));
  if (fee > 0n && feePeriod === null) fail(`${path}.fee_period`, 'a periodic fee needs a period');
  const category = oneOf(o.category, CATEGORIES, `${path}.category`);
  const shortNumber =
    o.short_number === null || o.short_number === undefined
      ? null
      : str(o.short_number, `${path}.short_number`);
  if (category === 'content' && shortNumber === null)
    fail(`${path}.short_number`, 'content needs a short number for STOP');
  return {
    code: str(o.code, `${path}.code`),
    category,
    name: localised(o.name, `${path}.name`),
    description: description(o.description, `${path}.description`),
    connectFee: BigInt(count(o.connect_fee ?? 0, `${path}.connect_fee`)),
    fee,
    feePeriod,
    shortNumber,
    requiresTariffs: arr(o.requires_tariffs ?? [], `${path}.requires_tariffs`).map((c, i) =>
      str(c, `${path}.requires_tariffs[${i}]`),
    ),
    excludesOptions: arr(o.excludes_options ?? [], `${path}.excludes_options`).map((c, i) =>
      str(c, `${path}.excludes_options[${i}]`),
    ),
    archivedAt: optionalDate(o.archived_at, `${path}.archived_at`),
    packages: parsePackages(o.packages, `${path}.packages`, feePeriod),
  };
}

function checkUnique(codes: string[], path: string): void {
  const seen = new Set<string>();
  for (const [i, code] of codes.entries()) {
    if (seen.has(code)) fail(`${path}[${i}].code`, `duplicate code ${code}`);
    seen.add(code);
  }
}

export function parseCatalog(value: unknown): Catalog {
  const root = obj(value, 'catalog');
  if (root.format !== CATALOG_FORMAT) fail('catalog.format', `expected "${CATALOG_FORMAT}"`);
  if (root.currency !== undefined && root.currency !== 'RUB')
    fail('catalog.currency', 'only RUB is supported');
  const tariffs = arr(root.tariffs, 'tariffs').map((t, i) => parseTariff(t, `tariffs[${i}]`));
  const options = arr(root.options ?? [], 'options').map((o, i) => parseOption(o, `options[${i}]`));
  checkUnique(
    tariffs.map((t) => t.code),
    'tariffs',
  );
  checkUnique(
    options.map((o) => o.code),
    'options',
  );
  const tariffCodes = new Set(tariffs.map((t) => t.code));
  const optionCodes = new Set(options.map((o) => o.code));
  for (const [i, o] of options.entries()) {
    for (const code of o.requiresTariffs) {
      if (!tariffCodes.has(code)) fail(`options[${i}].requires_tariffs`, `unknown tariff ${code}`);
    }
    for (const code of o.excludesOptions) {
      if (!optionCodes.has(code)) fail(`options[${i}].excludes_options`, `unknown option ${code}`);
    }
  }
  return { tariffs, options };
}

/**
 * The catalog the demo runs on (`demo-catalog.json` beside this file). Read from disk rather than imported:
 * the same file is what `kabinet catalog load` will take, and a JSON import would have to be listed in the
 * TypeScript project.
 */
export function demoCatalog(): Catalog {
  return parseCatalog(JSON.parse(readFileSync(new URL('./demo-catalog.json', import.meta.url), 'utf8')));
}
