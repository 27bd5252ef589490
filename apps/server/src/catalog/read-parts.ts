/** Parts shared by tariffs and options: localised names, packages, price changes. */
import {
  type CatalogPackage,
  fromDisplayUnits,
  type Localised,
  type PriceChange,
  type Renew,
} from '@kabinet/core';
import type { FieldReader } from './field-reader.ts';

/** `{ "ru": …, "en": … }`, both required and non-empty. */
export function readNames(r: FieldReader, value: unknown, path: string): Localised {
  const o = r.object(value, path, ['ru', 'en']);
  return { ru: r.string(o.ru, `${path}.ru`), en: r.string(o.en, `${path}.en`) };
}

/** Descriptions may be left out or empty; names may not. */
export function readDescription(r: FieldReader, value: unknown, path: string): Localised {
  if (value === undefined) return { ru: '', en: '' };
  const o = r.object(value, path, ['ru', 'en']);
  const text = (v: unknown, p: string) => {
    if (typeof v === 'string') return v;
    r.report(p, 'must be a string (it may be empty)');
    return '';
  };
  return { ru: text(o.ru, `${path}.ru`), en: text(o.en, `${path}.en`) };
}

const DEFAULT_NAMES: Record<CatalogPackage['kind'], Localised> = {
  voice: { ru: 'Минуты', en: 'Minutes' },
  sms: { ru: 'SMS', en: 'SMS' },
  data: { ru: 'Интернет', en: 'Internet' },
};
const UNIT_KEYS = { voice: ['minutes'], sms: ['messages'], data: ['gigabytes', 'megabytes'] } as const;

/** One package of a tariff or option, its amount converted to network units. */
export function readPackage(r: FieldReader, value: unknown, path: string): CatalogPackage {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const valid = r.oneOf(raw.kind, ['voice', 'sms', 'data'] as const, `${path}.kind`);
  const kind = valid ?? 'voice';
  const units: readonly string[] = UNIT_KEYS[kind];
  // With the kind unknown, any unit key is plausible: only the kind is wrong.
  const known = valid ? units : Object.values(UNIT_KEYS).flat();
  const o = r.object(value, path, ['kind', 'renew', 'name', ...known]);
  const renew = r.oneOf<Renew>(o.renew, ['fee_period', 'day', 'month', 'once'], `${path}.renew`) ?? 'once';
  const given = units.filter((u) => o[u] !== undefined);
  let amount = 0n;
  if (given.length !== 1) {
    r.report(path, `give the amount as exactly one of ${units.join(', ')}`);
  } else if (given[0] === 'gigabytes') {
    amount = fromDisplayUnits('data', r.count(o.gigabytes, `${path}.gigabytes`) * 1024);
  } else if (given[0] === 'megabytes') {
    amount = fromDisplayUnits('data', r.count(o.megabytes, `${path}.megabytes`));
  } else {
    const unit = given[0] ?? 'minutes';
    amount = fromDisplayUnits(kind, r.count(o[unit], `${path}.${unit}`));
  }
  const name = o.name === undefined ? DEFAULT_NAMES[kind] : readNames(r, o.name, `${path}.name`);
  return { kind, amount, renew, name };
}

/** One of `price_changes`; `option` allows `connect_fee`. */
export function readPriceChange(r: FieldReader, value: unknown, path: string, option: boolean): PriceChange {
  const o = r.object(value, path, option ? ['from', 'fee', 'connect_fee'] : ['from', 'fee']);
  const money = (v: unknown, p: string) => (v === undefined ? null : BigInt(r.kopecks(v, p)));
  const from = typeof o.from === 'string' ? o.from : '';
  if (typeof o.from !== 'string')
    r.report(`${path}.from`, 'is required: the first day of the new price, YYYY-MM-DD');
  return { from, fee: money(o.fee, `${path}.fee`), connectFee: money(o.connect_fee, `${path}.connect_fee`) };
}
