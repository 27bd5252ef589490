/** Reads stored price changes in the shape `effectiveFee` (core) takes, the day kept as `YYYY-MM-DD` text. */
import type { PriceChange } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

/**
 * The price changes of the given tariffs and options, by their id, each list in date order. Ids without changes
 * are absent from the map. The day is selected as text: node-pg would turn a `date` into local midnight.
 */
export async function priceChangesOf(db: Db, ids: readonly string[]): Promise<Map<string, PriceChange[]>> {
  const out = new Map<string, PriceChange[]>();
  if (ids.length === 0) return out;
  const { rows } = await sql<{ owner: string; from: string; fee: bigint | null; connect_fee: bigint | null }>`
    SELECT coalesce(tariff_id, option_id) AS owner, to_char(effective_from, 'YYYY-MM-DD') AS "from", fee, connect_fee
    FROM catalog_price_changes
    WHERE coalesce(tariff_id, option_id) = ANY(${[...ids]}::text[])
    ORDER BY effective_from`.execute(db);
  for (const r of rows) {
    const list = out.get(r.owner) ?? [];
    list.push({ from: r.from, fee: r.fee, connectFee: r.connect_fee });
    out.set(r.owner, list);
  }
  return out;
}
