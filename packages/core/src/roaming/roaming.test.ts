import { describe, expect, it } from 'vitest';
import type { RoamingZone } from '../catalog/types.ts';
import { roamingAccess } from './access.ts';
import { zonePrices } from './zone-prices.ts';

const zone = (code: string, countries: string[], restOfWorld = false): RoamingZone => ({
  code,
  name: { ru: code.toUpperCase(), en: code },
  countries,
  restOfWorld,
  archivedAt: null,
});

describe('roaming access', () => {
  it('SVC-05 blocks every kind of traffic abroad when roaming is off, whatever the bans', () => {
    expect(roamingAccess(false, [])).toEqual({
      voice: 'roaming_off',
      sms: 'roaming_off',
      data: 'roaming_off',
    });
    expect(roamingAccess(false, ['roaming_data'])).toEqual({
      voice: 'roaming_off',
      sms: 'roaming_off',
      data: 'roaming_off',
    });
  });

  it('SVC-05 blocks data in roaming when roaming is on but the data-in-roaming ban is set', () => {
    expect(roamingAccess(true, ['roaming_data', 'voice_intl'])).toEqual({
      voice: 'available',
      sms: 'available',
      data: 'barred',
    });
    expect(roamingAccess(true, [])).toEqual({ voice: 'available', sms: 'available', data: 'available' });
  });
});

describe('zone prices', () => {
  const zones = [zone('world', [], true), zone('cis', ['KZ', 'BY']), zone('old', ['XX'])];
  zones[2] = { ...zone('old', ['XX']), archivedAt: new Date('2026-01-01') };
  const rates = {
    roaming: {
      cis: { voice_out_per_min: 1900, voice_in_per_min: 0, sms_out: 900, data_per_mb: 4900 },
      world: { voice_out_per_min: 9900, voice_in_per_min: 9900, sms_out: 1900 },
    },
  };

  it('SVC-05 lists live zones with the tariff prices, rest of world last, unpriced zones as null', () => {
    const result = zonePrices(zones, rates);
    expect(result.map((z) => z.code)).toEqual(['cis', 'world']);
    expect(result[0]?.prices).toEqual({
      voiceOutPerMin: 1900,
      voiceInPerMin: 0,
      smsOut: 900,
      dataPerMb: 4900,
    });
    // A zone missing its data price is shown as not priced rather than with a guessed price.
    expect(result[1]?.prices).toBeNull();
    expect(zonePrices(zones, {}).every((z) => z.prices === null)).toBe(true);
  });
});
