/** All the rules of a catalog in one pass (OPS-03). */
import { checkCodes, checkOptionLinks, checkTariffZones } from './check-links.ts';
import { checkOption, checkTariff } from './check-products.ts';
import { checkBans, checkZones } from './check-zones.ts';
import type { CatalogIssue } from './issues.ts';
import type { Catalog } from './types.ts';

/**
 * Every problem of `catalog`, in the order of the file's sections; empty when it can be loaded. Only the first
 * issue of each path is kept: a field already wrong in the file should not be reported again by a later rule.
 */
export function checkCatalog(catalog: Catalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const seen = new Set<string>();
  const report = (path: string, message: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    issues.push({ path, message });
  };
  checkCodes(catalog.roamingZones, 'roaming_zones', report);
  checkZones(catalog.roamingZones, report);
  checkCodes(catalog.bans, 'bans', report);
  checkBans(catalog.bans, report);
  checkCodes(catalog.tariffs, 'tariffs', report);
  for (const [i, t] of catalog.tariffs.entries()) checkTariff(t, `tariffs[${i}]`, report);
  checkTariffZones(catalog, report);
  checkCodes(catalog.options, 'options', report);
  for (const [i, o] of catalog.options.entries()) checkOption(o, `options[${i}]`, report);
  checkOptionLinks(catalog, report);
  return issues;
}
