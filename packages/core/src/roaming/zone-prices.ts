import type { RoamingZone, ZoneRates } from '../catalog/types.ts';

/** A roaming zone of the catalog with the prices the line's tariff gives there (kopecks), null when none. */
export interface ZonePrices {
  code: string;
  name: { ru: string; en: string };
  countries: string[];
  restOfWorld: boolean;
  prices: {
    voiceOutPerMin: number;
    voiceInPerMin: number;
    smsOut: number;
    dataPerMb: number;
  } | null;
}

function kopecks(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** One zone's prices from `rates.roaming[code]`; a zone missing any price is "not priced" rather than guessed. */
function pricesOf(value: unknown): ZonePrices['prices'] {
  if (typeof value !== 'object' || value === null) return null;
  const z = value as Partial<Record<keyof ZoneRates, unknown>>;
  const voiceOutPerMin = kopecks(z.voice_out_per_min);
  const voiceInPerMin = kopecks(z.voice_in_per_min);
  const smsOut = kopecks(z.sms_out);
  const dataPerMb = kopecks(z.data_per_mb);
  if (voiceOutPerMin === null || voiceInPerMin === null || smsOut === null || dataPerMb === null) return null;
  return { voiceOutPerMin, voiceInPerMin, smsOut, dataPerMb };
}

/**
 * SVC-05: the catalog's live zones (named by the catalog, in its order, the rest-of-world zone last) with the
 * tariff's prices in each. `rates` is the tariff's `rates` as stored: untrusted JSON.
 */
export function zonePrices(zones: readonly RoamingZone[], rates: Record<string, unknown>): ZonePrices[] {
  const roaming = typeof rates.roaming === 'object' && rates.roaming !== null ? rates.roaming : {};
  return zones
    .filter((z) => z.archivedAt === null)
    .toSorted((a, b) => Number(a.restOfWorld) - Number(b.restOfWorld))
    .map((z) => ({
      code: z.code,
      name: z.name,
      countries: z.countries,
      restOfWorld: z.restOfWorld,
      prices: pricesOf((roaming as Record<string, unknown>)[z.code]),
    }));
}
