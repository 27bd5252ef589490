import type { RoamingZonePrices } from '../api/roaming-api';

/** The zone a country (ISO 3166-1 alpha-2) is in: the zone listing it, else the rest-of-world zone, else none. */
export function zoneOfCountry(
  zones: readonly RoamingZonePrices[],
  country: string,
): RoamingZonePrices | undefined {
  return zones.find((zone) => zone.countries.includes(country)) ?? zones.find((zone) => zone.restOfWorld);
}

/** Every country some zone lists, with its name in `locale`, sorted by that name (for the "where to" picker). */
export function listedCountries(zones: readonly RoamingZonePrices[], locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const nameOf = (code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const codes = [...new Set(zones.flatMap((zone) => zone.countries))];
  return codes
    .map((code) => ({ code, name: nameOf(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
