/** Reads `tariffs[i].rates` (keys described in docs/catalog.md). */
import type { ConfigurableRates, Rates, SuspensionRates, ZoneRates } from '@kabinet/core';
import type { FieldReader } from './field-reader.ts';
import { childPath } from './json-positions.ts';

/** Prices in kopecks. */
const PRICE_KEYS = [
  'voice_out_per_min',
  'voice_intl_per_min',
  'sms_out',
  'sms_intl',
  'data_per_mb',
  'transition_fee',
] as const;
/** Billing steps and home-service facts: whole numbers, not money. */
const COUNT_KEYS = ['voice_increment_sec', 'data_increment_kb', 'speed_mbps', 'tv_channels'] as const;
const RATE_KEYS = [...PRICE_KEYS, ...COUNT_KEYS, 'roaming', 'configurable', 'suspension'];
const ZONE_KEYS = ['voice_out_per_min', 'voice_in_per_min', 'sms_out', 'data_per_mb'] as const;

function readZone(r: FieldReader, value: unknown, path: string): ZoneRates {
  const o = r.object(value, path, ZONE_KEYS);
  return {
    voice_out_per_min: r.kopecks(o.voice_out_per_min, `${path}.voice_out_per_min`),
    voice_in_per_min: r.kopecks(o.voice_in_per_min, `${path}.voice_in_per_min`),
    sms_out: r.kopecks(o.sms_out, `${path}.sms_out`),
    data_per_mb: r.kopecks(o.data_per_mb, `${path}.data_per_mb`),
  };
}

function readSteps<K extends 'minutes' | 'gigabytes' | 'messages'>(
  r: FieldReader,
  value: unknown,
  key: K,
  path: string,
): ({ fee: number } & Record<K, number>)[] {
  return r.array(
    value,
    path,
    (s, p) => {
      const o = r.object(s, p, [key, 'fee']);
      return { [key]: r.count(o[key], `${p}.${key}`), fee: r.kopecks(o.fee, `${p}.fee`) } as {
        fee: number;
      } & Record<K, number>;
    },
    false,
  );
}

function readConfigurable(r: FieldReader, value: unknown, path: string): ConfigurableRates {
  const o = r.object(value, path, ['base_fee', 'voice', 'data', 'sms']);
  return {
    base_fee: r.kopecks(o.base_fee, `${path}.base_fee`),
    voice: readSteps(r, o.voice ?? [], 'minutes', `${path}.voice`),
    data: readSteps(r, o.data ?? [], 'gigabytes', `${path}.data`),
    sms: readSteps(r, o.sms ?? [], 'messages', `${path}.sms`),
  };
}

function readSuspension(r: FieldReader, value: unknown, path: string): SuspensionRates {
  const o = r.object(value, path, ['fee_per_day', 'free_days', 'max_days']);
  return {
    fee_per_day: r.kopecks(o.fee_per_day, `${path}.fee_per_day`),
    free_days: r.count(o.free_days ?? 0, `${path}.free_days`),
    max_days: r.count(o.max_days, `${path}.max_days`),
  };
}

/** The rates of a tariff; an unknown key is reported (a misspelt price must not silently vanish). */
export function readRates(r: FieldReader, value: unknown, path: string): Rates {
  const o = r.object(value ?? {}, path, RATE_KEYS);
  const rates: Rates = {};
  for (const key of PRICE_KEYS) if (o[key] !== undefined) rates[key] = r.kopecks(o[key], `${path}.${key}`);
  for (const key of COUNT_KEYS) if (o[key] !== undefined) rates[key] = r.count(o[key], `${path}.${key}`);
  if (o.roaming !== undefined) {
    const zonesPath = `${path}.roaming`;
    const zones = r.record(o.roaming, zonesPath);
    rates.roaming = Object.fromEntries(
      Object.entries(zones).map(([zone, z]) => [zone, readZone(r, z, childPath(zonesPath, zone))]),
    );
  }
  if (o.configurable !== undefined)
    rates.configurable = readConfigurable(r, o.configurable, `${path}.configurable`);
  if (o.suspension !== undefined) rates.suspension = readSuspension(r, o.suspension, `${path}.suspension`);
  return rates;
}
