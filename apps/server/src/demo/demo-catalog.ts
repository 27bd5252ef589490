/**
 * The catalog the demo runs on: `demo-catalog.json` beside this file, an ordinary catalog file that
 * `kabinet catalog load` takes as well. Read from disk rather than imported, through the same checks.
 */
import { readFileSync } from 'node:fs';
import type { Catalog } from '@kabinet/core';
import { CatalogFileInvalid, parseCatalogFile } from '../catalog/catalog-file.ts';

/** The path of the demo catalog file. */
export const DEMO_CATALOG_FILE = new URL('./demo-catalog.json', import.meta.url);

/** The demo catalog, checked; throws with every error if someone broke the file. */
export function demoCatalog(): Catalog {
  const result = parseCatalogFile(readFileSync(DEMO_CATALOG_FILE, 'utf8'), 'demo-catalog.json');
  if (!result.ok) throw new CatalogFileInvalid(result.errors);
  return result.catalog;
}
