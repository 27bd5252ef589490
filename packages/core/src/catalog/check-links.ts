/** Rules across items: unique codes, and every code an item names exists. */
import type { ReportIssue } from './issues.ts';
import type { Catalog } from './types.ts';

const CODE = /^[a-z0-9][a-z0-9_-]*$/;

/** Codes are the links between items and the keys of reloads: lowercase, unique within their collection. */
export function checkCodes(
  items: readonly { code: string }[],
  collection: string,
  report: ReportIssue,
): void {
  const first = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const path = `${collection}[${i}].code`;
    if (!CODE.test(item.code)) {
      report(path, 'must be lowercase latin letters, digits, - or _ (it is the key of reloads)');
      continue;
    }
    const earlier = first.get(item.code);
    if (earlier !== undefined) report(path, `duplicate code ${item.code} (also ${collection}[${earlier}])`);
    else first.set(item.code, i);
  }
}

/**
 * Options name tariffs, options and zones that exist. Exclusions are listed on both sides: the subscriber's
 * screen explains an incompatibility from either option, and a one-sided list would be read as an oversight.
 */
export function checkOptionLinks(catalog: Catalog, report: ReportIssue): void {
  const tariffs = new Set(catalog.tariffs.map((t) => t.code));
  const zones = new Set(catalog.roamingZones.map((z) => z.code));
  const options = new Map(catalog.options.map((o) => [o.code, o]));
  const shortNumbers = new Map<string, string>();
  for (const [i, o] of catalog.options.entries()) {
    const path = `options[${i}]`;
    for (const [j, code] of o.requiresTariffs.entries()) {
      if (!tariffs.has(code)) report(`${path}.requires_tariffs[${j}]`, `no tariff has the code ${code}`);
    }
    for (const [j, code] of o.roamingZones.entries()) {
      if (!zones.has(code)) report(`${path}.roaming_zones[${j}]`, `no roaming zone has the code ${code}`);
    }
    for (const [j, code] of o.excludesOptions.entries()) {
      const at = `${path}.excludes_options[${j}]`;
      const other = options.get(code);
      if (code === o.code) report(at, 'an option cannot exclude itself');
      else if (!other) report(at, `no option has the code ${code}`);
      else if (!other.excludesOptions.includes(o.code)) {
        report(at, `${code} must list ${o.code} in its excludes_options too (exclusions go both ways)`);
      }
    }
    if (o.shortNumber !== null && o.category === 'content') {
      const owner = shortNumbers.get(o.shortNumber);
      // STOP to a short number must end exactly one subscription.
      if (owner !== undefined) report(`${path}.short_number`, `${o.shortNumber} is already used by ${owner}`);
      else shortNumbers.set(o.shortNumber, o.code);
    }
  }
}

/** Every zone a tariff prices is a zone of the catalog. */
export function checkTariffZones(catalog: Catalog, report: ReportIssue): void {
  const zones = new Set(catalog.roamingZones.map((z) => z.code));
  for (const [i, t] of catalog.tariffs.entries()) {
    for (const code of Object.keys(t.rates.roaming ?? {})) {
      if (!zones.has(code))
        report(`tariffs[${i}].rates.roaming.${code}`, `no roaming zone has the code ${code}`);
    }
  }
}
