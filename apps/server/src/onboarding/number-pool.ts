import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

/** A number on offer: regular ones are free, beautiful ones cost `price` kopecks, paid at pickup. */
export interface OfferedNumber {
  msisdn: string;
  category: 'regular' | 'beautiful';
  price: number;
}

const REGULAR_SHOWN = 8;
const BEAUTIFUL_SHOWN = 6;

/**
 * SVC-13: a fresh random handful of free regular numbers and the cheapest free beautiful ones. A sample rather
 * than the whole pool: the pool is for sale, but listing it page by page would let a bot map and hoard it.
 */
export async function offeredNumbers(db: Db): Promise<OfferedNumber[]> {
  const pick = (category: 'regular' | 'beautiful', limit: number, order: 'random' | 'price') =>
    db
      .selectFrom('number_pool')
      .select(['msisdn', 'category', 'price'])
      .where('reserved_by', 'is', null)
      .where('category', '=', category)
      .orderBy(order === 'random' ? sql`random()` : sql`price, msisdn`)
      .limit(limit)
      .execute();
  const [beautiful, regular] = await Promise.all([
    pick('beautiful', BEAUTIFUL_SHOWN, 'price'),
    pick('regular', REGULAR_SHOWN, 'random'),
  ]);
  return [...beautiful, ...regular.toSorted((a, b) => a.msisdn.localeCompare(b.msisdn))].map((n) => ({
    msisdn: n.msisdn,
    category: n.category,
    price: Number(n.price),
  }));
}

/** The demo pool's beautiful numbers and their prices (kopecks). */
const BEAUTIFUL: ReadonlyArray<[string, bigint]> = [
  ['+79587777777', 15_000_00n],
  ['+79581000000', 5_000_00n],
  ['+79581234567', 3_000_00n],
  ['+79585550055', 1_500_00n],
  ['+79582002020', 1_000_00n],
  ['+79589091909', 500_00n],
];

/**
 * Fills the number pool for the demo and tests: the beautiful numbers above and `regular` ordinary ones of the
 * +7 958 range (not used by the demo's subscribers). Numbers already there are left as they are.
 */
export async function seedNumberPool(db: Db, regular = 40): Promise<void> {
  const rows: Array<{ msisdn: string; category: 'regular' | 'beautiful'; price: bigint }> = BEAUTIFUL.map(
    ([msisdn, price]) => ({ msisdn, category: 'beautiful', price }),
  );
  for (let i = 0; i < regular; i += 1) {
    // Spread over the range so that the numbers do not look consecutive.
    const tail = String((i * 7919 + 130_001) % 1_000_000).padStart(6, '0');
    rows.push({ msisdn: `+79583${tail}`, category: 'regular', price: 0n });
  }
  await db
    .insertInto('number_pool')
    .values(rows)
    .onConflict((oc) => oc.column('msisdn').doNothing())
    .execute();
}
