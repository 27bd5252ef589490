/**
 * Month partitions of usage_records, created before a batch writes into them. Outside the batch's transaction:
 * creating a partition locks the parent table, which would stall every other writer until our commit. A month
 * once seen is remembered per process.
 */
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

const ensured = new WeakMap<Db, Set<number>>();

/** Ensures the month partitions (UTC months, as ensure_usage_partition cuts them) for instants in [from, to]. */
export async function ensurePartitions(db: Db, from: number, to: number): Promise<void> {
  let done = ensured.get(db);
  if (!done) {
    done = new Set();
    ensured.set(db, done);
  }
  const first = new Date(from);
  for (
    let month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
    month <= to;
    month = Date.UTC(new Date(month).getUTCFullYear(), new Date(month).getUTCMonth() + 1, 1)
  ) {
    if (done.has(month)) continue;
    for (let attempt = 1; ; attempt++) {
      try {
        await sql`SELECT ensure_usage_partition(${new Date(month)})`.execute(db);
        break;
      } catch (err) {
        // Two workers creating the same month at once: the loser sees "already exists"; the partition is there.
        if ((err as { code?: unknown }).code !== '42P07' || attempt >= 2) throw err;
      }
    }
    done.add(month);
  }
}
