/**
 * Writes a checked catalog to the database in one transaction (OPS-03): upsert by code, items absent from the
 * catalog archived (never deleted), package templates and price changes brought in step. Loading the same
 * catalog twice changes nothing.
 */
import type { Catalog } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { upsertBans, upsertZones } from './load-extras.ts';
import { syncPriceChanges } from './load-price-changes.ts';
import { upsertOptions, upsertTariffs } from './load-products.ts';
import type { CatalogIds, CatalogLoadResult } from './load-summary.ts';
import { syncPackageTemplates } from './load-templates.ts';

// Any number: it only has to be the same for every process loading a catalog into this database.
const CATALOG_LOCK = 727_004;

function idOf(ids: Record<string, string>, code: string): string {
  const id = ids[code];
  if (id === undefined) throw new Error(`Catalog item ${code} was not stored`);
  return id;
}

/**
 * Loads `catalog`, which must have passed the checks (`parseCatalogFile` does them). Runs in its own
 * transaction unless `db` is one already (the demo seeder's). `now` stamps the items it archives.
 */
export async function loadCatalog(db: Db, catalog: Catalog, now = new Date()): Promise<CatalogLoadResult> {
  if (!db.isTransaction) return db.transaction().execute((trx) => loadCatalog(trx, catalog, now));
  // Two loads at once would each archive what the other is adding.
  await sql`SELECT pg_advisory_xact_lock(${CATALOG_LOCK})`.execute(db);
  const roamingZones = await upsertZones(db, catalog.roamingZones, now);
  const bans = await upsertBans(db, catalog.bans, now);
  const tariffs = await upsertTariffs(db, catalog.tariffs, now);
  const options = await upsertOptions(db, catalog.options, now);
  const owned = [
    ...catalog.tariffs.map((t) => ({ column: 'tariff_id' as const, id: idOf(tariffs.ids, t.code), item: t })),
    ...catalog.options.map((o) => ({ column: 'option_id' as const, id: idOf(options.ids, o.code), item: o })),
  ];
  const packages = await syncPackageTemplates(
    db,
    owned.map((o) => ({ column: o.column, id: o.id, packages: o.item.packages })),
  );
  const priceChanges = await syncPriceChanges(
    db,
    owned.map((o) => ({ column: o.column, id: o.id, changes: o.item.priceChanges })),
  );
  const ids: CatalogIds = { tariffs: tariffs.ids, options: options.ids };
  return {
    ids,
    summary: {
      roamingZones,
      bans,
      tariffs: tariffs.counts,
      options: options.counts,
      packages,
      priceChanges,
    },
  };
}
