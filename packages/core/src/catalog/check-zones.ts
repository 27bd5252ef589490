/** Rules of roaming zones and service bans. */
import type { ReportIssue } from './issues.ts';
import type { RoamingZone, ServiceBan } from './types.ts';

const COUNTRY = /^[A-Z]{2}$/;

/** Each country belongs to one zone; one zone at most covers the rest of the world, and it lists none. */
export function checkZones(zones: readonly RoamingZone[], report: ReportIssue): void {
  const owner = new Map<string, string>();
  let restOfWorld: string | null = null;
  for (const [i, z] of zones.entries()) {
    const path = `roaming_zones[${i}]`;
    if (z.restOfWorld) {
      if (restOfWorld !== null)
        report(`${path}.rest_of_world`, `${restOfWorld} already covers the rest of the world`);
      else restOfWorld = z.code;
      if (z.countries.length > 0) report(`${path}.countries`, 'a rest-of-world zone lists no countries');
    } else if (z.countries.length === 0) {
      report(
        `${path}.countries`,
        'list the countries of the zone (ISO 3166-1 alpha-2), or set rest_of_world',
      );
    }
    for (const [j, country] of z.countries.entries()) {
      const at = `${path}.countries[${j}]`;
      if (!COUNTRY.test(country)) {
        report(at, 'must be an ISO 3166-1 alpha-2 code such as TR');
        continue;
      }
      const other = owner.get(country);
      if (other !== undefined) report(at, `${country} is already in zone ${other}`);
      else owner.set(country, z.code);
    }
  }
}

/** A ban bars something, and each kind once. */
export function checkBans(bans: readonly ServiceBan[], report: ReportIssue): void {
  for (const [i, b] of bans.entries()) {
    if (b.bars.length === 0) report(`bans[${i}].bars`, 'a ban must bar at least one kind of communication');
    for (const [j, target] of b.bars.entries()) {
      if (b.bars.indexOf(target) !== j) report(`bans[${i}].bars[${j}]`, `${target} is listed twice`);
    }
  }
}
