import { describe, expect, it } from 'vitest';
import type { RoamingZonePrices } from '../api/roaming-api';
import { listedCountries, zoneOfCountry } from './zone-of-country';

const zone = (code: string, countries: string[], restOfWorld = false): RoamingZonePrices => ({
  code,
  name: { ru: code, en: code },
  countries,
  restOfWorld,
  prices: null,
});

describe('where to', () => {
  const zones = [zone('cis', ['KZ', 'BY']), zone('popular', ['TR', 'AE']), zone('world', [], true)];

  it('SVC-05 finds the zone of a country, falling back to the rest of the world', () => {
    expect(zoneOfCountry(zones, 'TR')?.code).toBe('popular');
    expect(zoneOfCountry(zones, 'US')?.code).toBe('world');
    expect(zoneOfCountry(zones.slice(0, 2), 'US')).toBeUndefined();
  });

  it('SVC-05 lists the countries by their name in the language of the page', () => {
    expect(listedCountries(zones, 'ru-RU').map((c) => c.code)).toEqual(['BY', 'KZ', 'AE', 'TR']);
    expect(listedCountries(zones, 'en-GB').map((c) => c.name)).toEqual([
      'Belarus',
      'Kazakhstan',
      'Türkiye',
      'United Arab Emirates',
    ]);
  });
});
