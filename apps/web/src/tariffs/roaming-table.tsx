import type { RoamingZone } from '../api/catalog-types';
import { price } from '../catalog/amounts';
import { useLang } from '../i18n/i18n-context';

/** Roaming prices per zone; scrolls sideways on a narrow phone rather than squeezing the numbers. */
export function RoamingTable({ zones }: { zones: RoamingZone[] }) {
  const { t, lang } = useLang();
  const c = t.tariffs.roamingColumns;
  const per = t.tariffs.perUnit;
  return (
    <div className="table-scroll">
      <table className="roaming-table">
        <thead>
          <tr>
            <th scope="col">{c.zone}</th>
            <th scope="col">{c.voiceOut}</th>
            <th scope="col">{c.voiceIn}</th>
            <th scope="col">{c.sms}</th>
            <th scope="col">{c.data}</th>
          </tr>
        </thead>
        <tbody>
          {zones.map((zone) => (
            <tr key={zone.zone}>
              <th scope="row">{zone.name[lang]}</th>
              <td>{per.min(price(t, zone.voiceOutPerMin))}</td>
              <td>{per.min(price(t, zone.voiceInPerMin))}</td>
              <td>{per.sms(price(t, zone.smsOut))}</td>
              <td>{per.mb(price(t, zone.dataPerMb))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
