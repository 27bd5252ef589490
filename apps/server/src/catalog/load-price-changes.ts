/** Stores the price changes of the file's tariffs and options in `catalog_price_changes`. */
import type { PriceChange } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import type { RowCounts } from './load-summary.ts';

export interface PriceOwner {
  column: 'tariff_id' | 'option_id';
  id: string;
  changes: readonly PriceChange[];
}

interface StoredChange {
  id: bigint;
  owner: string;
  from: string;
  fee: bigint | null;
  connect_fee: bigint | null;
}

/**
 * The file is the whole truth for the items it lists: their changes are inserted, updated by day, and those no
 * longer listed removed. Items absent from the file keep theirs (they are archived, their history stays).
 */
export async function syncPriceChanges(db: Db, owners: readonly PriceOwner[]): Promise<RowCounts> {
  const counts: RowCounts = { created: 0, updated: 0, removed: 0 };
  // Read the day as text: node-pg would turn a `date` into local midnight (see schema.ts).
  const { rows } = await sql<StoredChange>`
    SELECT id, coalesce(tariff_id, option_id) AS owner, to_char(effective_from, 'YYYY-MM-DD') AS "from",
      fee, connect_fee
    FROM catalog_price_changes`.execute(db);
  const stored = new Map(rows.map((r) => [`${r.owner}|${r.from}`, r]));
  const keep = new Set<bigint>();
  for (const owner of owners) {
    for (const c of owner.changes) {
      const found = stored.get(`${owner.id}|${c.from}`);
      if (!found) {
        await db
          .insertInto('catalog_price_changes')
          .values({ [owner.column]: owner.id, effective_from: c.from, fee: c.fee, connect_fee: c.connectFee })
          .execute();
        counts.created++;
        continue;
      }
      keep.add(found.id);
      if (found.fee !== c.fee || found.connect_fee !== c.connectFee) {
        await db
          .updateTable('catalog_price_changes')
          .set({ fee: c.fee, connect_fee: c.connectFee })
          .where('id', '=', found.id)
          .execute();
        counts.updated++;
      }
    }
  }
  const ownerIds = new Set(owners.map((o) => o.id));
  const stale = rows.filter((r) => ownerIds.has(r.owner) && !keep.has(r.id)).map((r) => r.id);
  if (stale.length > 0) {
    await db.deleteFrom('catalog_price_changes').where('id', 'in', stale).execute();
    counts.removed = stale.length;
  }
  return counts;
}
