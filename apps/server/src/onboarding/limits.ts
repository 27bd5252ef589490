import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { problems } from '../http/problem.ts';

/** One limit: at most `max` attempts of `action` per key in a sliding `windowMs`. */
export interface Limit {
  action: string;
  scope: 'ip' | 'number';
  max: number;
  windowMs: number;
}

const HOUR = 3_600_000;

/**
 * SVC-13 anti-abuse limits of the public endpoints. Per IP against floods; per number against texting one
 * person's phone again and again (every port-in sends a code SMS to the number being moved) and against
 * hoarding the pool's numbers.
 */
export const LIMITS = {
  portInPerIp: { action: 'port_in', scope: 'ip', max: 5, windowMs: HOUR },
  portInPerNumber: { action: 'port_in', scope: 'number', max: 3, windowMs: 24 * HOUR },
  confirmPerIp: { action: 'confirm', scope: 'ip', max: 20, windowMs: HOUR },
  newSimPerIp: { action: 'new_sim', scope: 'ip', max: 5, windowMs: HOUR },
  newSimPerNumber: { action: 'new_sim', scope: 'number', max: 3, windowMs: 24 * HOUR },
  lookupPerIp: { action: 'lookup', scope: 'ip', max: 20, windowMs: HOUR },
  lookupPerNumber: { action: 'lookup', scope: 'number', max: 10, windowMs: HOUR },
} as const satisfies Record<string, Limit>;

/**
 * Counts one attempt against each limit, or refuses with 429 `rate_limited` (and how long to wait) when any is
 * used up. Runs in its own transaction and commits before the attempt's work, so an attempt that then fails
 * (a wrong reference, a bad code) still counts — otherwise failures, the very thing to limit, would be free.
 * An advisory lock per key makes the count and the insert atomic across server processes (counters live in
 * PostgreSQL, not in one process's memory).
 */
export async function takeAttempt(
  db: Db,
  attempts: ReadonlyArray<{ limit: Limit; key: string }>,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { limit, key } of attempts) {
      const lockKey = `onboarding:${limit.action}:${limit.scope}:${key}`;
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`.execute(trx);
      const since = new Date(now.getTime() - limit.windowMs);
      const rows = await trx
        .selectFrom('onboarding_attempts')
        .select('at')
        .where('action', '=', limit.action)
        .where('scope', '=', limit.scope)
        .where('key', '=', key)
        .where('at', '>', since)
        .orderBy('at')
        .execute();
      if (rows.length >= limit.max) {
        const oldest = rows[rows.length - limit.max]?.at ?? now;
        const wait = Math.ceil((oldest.getTime() + limit.windowMs - now.getTime()) / 1000);
        throw problems.rateLimited(Math.max(1, wait));
      }
    }
    await trx
      .insertInto('onboarding_attempts')
      .values(attempts.map(({ limit, key }) => ({ action: limit.action, scope: limit.scope, key, at: now })))
      .execute();
    // Housekeeping: nothing older than the longest window is needed.
    await trx
      .deleteFrom('onboarding_attempts')
      .where('at', '<', new Date(now.getTime() - 24 * HOUR))
      .execute();
  });
}
