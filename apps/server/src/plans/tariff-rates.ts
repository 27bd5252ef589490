/**
 * Prices outside packages (PLAN-01), read from a tariff's `rates` (keys documented with the catalog format):
 * money keys in kopecks; anything unknown or malformed is left out rather than guessed.
 */
import type { DisplayUnit } from '@kabinet/core';
import type { Db } from '@kabinet/db';

interface RateKey {
  key: string;
  name: { ru: string; en: string };
  unit: DisplayUnit;
}

/** The per-unit prices shown, in this order. */
const RATE_KEYS: readonly RateKey[] = [
  { key: 'voice_out_per_min', name: { ru: 'Звонки по России', en: 'Calls in Russia' }, unit: 'min' },
  { key: 'voice_intl_per_min', name: { ru: 'Международные звонки', en: 'International calls' }, unit: 'min' },
  { key: 'sms_out', name: { ru: 'SMS по России', en: 'SMS in Russia' }, unit: 'sms' },
  { key: 'sms_intl', name: { ru: 'Международные SMS', en: 'International SMS' }, unit: 'sms' },
  { key: 'data_per_mb', name: { ru: 'Интернет сверх пакета', en: 'Data beyond the package' }, unit: 'mb' },
];

/** Roaming zone code → its name, as the catalog's `roaming_zones` state it. */
export type ZoneNames = ReadonlyMap<string, { ru: string; en: string }>;

/**
 * The names of the catalog's roaming zones (SVC-05), archived ones too: a tariff may still price a zone the
 * operator stopped listing countries for, and its subscribers should see that zone's name, not its code.
 */
export async function loadZoneNames(db: Db): Promise<ZoneNames> {
  const rows = await db.selectFrom('roaming_zones').select(['code', 'name_ru', 'name_en']).execute();
  return new Map(rows.map((z) => [z.code, { ru: z.name_ru, en: z.name_en }]));
}

function kopecksOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** The tariff's prices outside packages that it states. */
export function presentRates(rates: Record<string, unknown>) {
  return RATE_KEYS.flatMap(({ key, name, unit }) => {
    const price = kopecksOf(rates[key]);
    return price === null ? [] : [{ key, name, price, unit }];
  });
}

/**
 * The tariff's roaming zones with their prices, named by the catalog's zones (the code where the catalog has
 * no such zone); a zone missing a price is left out.
 */
export function presentRoaming(rates: Record<string, unknown>, zones: ZoneNames) {
  const roaming = rates.roaming;
  if (typeof roaming !== 'object' || roaming === null) return [];
  return Object.entries(roaming).flatMap(([zone, value]) => {
    if (typeof value !== 'object' || value === null) return [];
    const z = value as Record<string, unknown>;
    const voiceOutPerMin = kopecksOf(z.voice_out_per_min);
    const voiceInPerMin = kopecksOf(z.voice_in_per_min);
    const smsOut = kopecksOf(z.sms_out);
    const dataPerMb = kopecksOf(z.data_per_mb);
    if (voiceOutPerMin === null || voiceInPerMin === null || smsOut === null || dataPerMb === null) return [];
    const name = zones.get(zone) ?? { ru: zone, en: zone };
    return [{ zone, name, voiceOutPerMin, voiceInPerMin, smsOut, dataPerMb }];
  });
}
