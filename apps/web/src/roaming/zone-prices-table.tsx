import { useState } from 'react';
import type { RoamingZonePrices } from '../api/roaming-api';
import { price } from '../catalog/amounts';
import { useLang } from '../i18n/i18n-context';
import { listedCountries, zoneOfCountry } from './zone-of-country';

const OTHER = 'other';

/**
 * SVC-05: the tariff's prices in each roaming zone of the catalog, one card per zone (reads well on a phone),
 * and "where are you going?" to find the zone of a country without knowing the zones.
 */
export function ZonePricesTable({ zones }: { zones: RoamingZonePrices[] }) {
  const { t, lang } = useLang();
  const r = t.roaming;
  const [country, setCountry] = useState('');
  const countries = listedCountries(zones, t.locale);
  const names = new Map(countries.map((c) => [c.code, c.name]));
  const chosen = country === '' ? undefined : zoneOfCountry(zones, country === OTHER ? '' : country);
  const countryName = country === OTHER ? r.otherCountry : (names.get(country) ?? country);
  return (
    <section
      className="card settings-block"
      aria-labelledby="roaming-zones-title"
      data-testid="roaming-zones"
    >
      <h2 id="roaming-zones-title">{r.zonesTitle}</h2>
      <p className="muted">{r.zonesIntro}</p>
      <div className="field">
        <label htmlFor="roaming-country">{r.whereTo}</label>
        <select
          id="roaming-country"
          value={country}
          onChange={(event) => setCountry(event.target.value)}
          aria-describedby="roaming-country-zone"
          data-testid="roaming-country"
        >
          <option value="">{r.whereToChoose}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
          <option value={OTHER}>{r.otherCountry}</option>
        </select>
        <p id="roaming-country-zone" className="hint" aria-live="polite" data-testid="roaming-country-zone">
          {chosen ? r.countryZone(countryName, chosen.name[lang]) : ''}
        </p>
      </div>
      <ul className="zone-list">
        {zones.map((zone) => (
          <li
            key={zone.code}
            className={zone.code === chosen?.code ? 'zone is-chosen' : 'zone'}
            data-testid="roaming-zone"
            data-code={zone.code}
            data-chosen={zone.code === chosen?.code}
          >
            <h3 className="offer-name">{zone.name[lang]}</h3>
            <p className="hint">
              {r.countries(
                zone.countries.length,
                zone.countries.map((code) => names.get(code) ?? code).join(', '),
              )}
            </p>
            {zone.prices ? (
              <dl className="zone-prices">
                <dt>{r.voiceOut}</dt>
                <dd data-testid="zone-voice-out">{price(t, zone.prices.voiceOutPerMin)}</dd>
                <dt>{r.voiceIn}</dt>
                <dd>{price(t, zone.prices.voiceInPerMin)}</dd>
                <dt>{r.sms}</dt>
                <dd>{price(t, zone.prices.smsOut)}</dd>
                <dt>{r.data}</dt>
                <dd>{price(t, zone.prices.dataPerMb)}</dd>
              </dl>
            ) : (
              <p className="hint">{r.notPriced}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
