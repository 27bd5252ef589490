import { fromWallClock, startOfDay, toWallClock } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

/**
 * What a line has sent by completed transfers today and this calendar month, in the operator's time zone (the
 * limits of PAY-06 count amounts, not fees).
 */
export async function sentSums(
  db: Db,
  lineId: string,
  now: Date,
  timeZone: string,
): Promise<{ sentToday: bigint; sentThisMonth: bigint }> {
  const dayStart = startOfDay(now, timeZone);
  const wall = toWallClock(now, timeZone);
  const monthStart = fromWallClock({ ...wall, day: 1, hour: 0, minute: 0, second: 0 }, timeZone);
  const row = await db
    .selectFrom('mobile_transfers')
    .select([
      sql<bigint>`COALESCE(sum(amount) FILTER (WHERE completed_at >= ${dayStart}), 0)::bigint`.as('today'),
      sql<bigint>`COALESCE(sum(amount), 0)::bigint`.as('month'),
    ])
    .where('from_line_id', '=', lineId)
    .where('status', '=', 'completed')
    .where('completed_at', '>=', monthStart)
    .executeTakeFirstOrThrow();
  return { sentToday: row.today, sentThisMonth: row.month };
}
