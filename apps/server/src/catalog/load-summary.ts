/** What a catalog load did, for the CLI's summary and for tests. */

/** Items keyed by code: tariffs, options, roaming zones, bans. */
export interface ItemCounts {
  /** In the file. */
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  /** In the database but no longer in the file: archived now (never deleted — lines may still use them). */
  archived: number;
}

/** Rows owned by items: package templates, price changes. */
export interface RowCounts {
  created: number;
  updated: number;
  removed: number;
}

export interface LoadSummary {
  roamingZones: ItemCounts;
  bans: ItemCounts;
  tariffs: ItemCounts;
  options: ItemCounts;
  packages: RowCounts;
  priceChanges: RowCounts;
}

export interface CatalogIds {
  tariffs: Record<string, string>;
  options: Record<string, string>;
}

export interface CatalogLoadResult {
  ids: CatalogIds;
  summary: LoadSummary;
}

/** True when loading changed nothing in the database. */
export function unchanged(s: LoadSummary): boolean {
  const items = [s.roamingZones, s.bans, s.tariffs, s.options].every(
    (c) => c.created + c.updated + c.archived === 0,
  );
  const rows = [s.packages, s.priceChanges].every((c) => c.created + c.updated + c.removed === 0);
  return items && rows;
}

/** `tariffs: 11 (2 new, 9 updated, 0 unchanged, 1 archived)`, one line per kind. */
export function formatSummary(s: LoadSummary): string {
  const items = (label: string, c: ItemCounts) =>
    `${label}: ${c.total} (${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.archived} archived)`;
  const rows = (label: string, c: RowCounts) =>
    `${label}: ${c.created} new, ${c.updated} updated, ${c.removed} removed`;
  return [
    items('roaming zones', s.roamingZones),
    items('bans', s.bans),
    items('tariffs', s.tariffs),
    items('options', s.options),
    rows('packages', s.packages),
    rows('price changes', s.priceChanges),
  ].join('\n');
}
