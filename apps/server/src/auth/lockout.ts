import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { AppError } from '../http/problem.ts';
import { CODE_POLICY } from './policy.ts';

export function lockedError(lockedUntil: Date): AppError {
  return new AppError(423, 'login_locked', 'Login is locked after too many wrong attempts.', {
    lockedUntil: lockedUntil.toISOString(),
  });
}

/** Throws `login_locked` while the identifier is locked (ACCESS-04). */
export async function assertNotLocked(db: Db, identifier: string, now: Date): Promise<void> {
  const row = await db
    .selectFrom('auth_lockouts')
    .select('locked_until')
    .where('identifier', '=', identifier)
    .executeTakeFirst();
  if (row?.locked_until && row.locked_until.getTime() > now.getTime()) throw lockedError(row.locked_until);
}

/**
 * Counts one more consecutive failure, atomically (one statement, so parallel guesses cannot slip past the
 * limit), and locks the identifier when the count reaches the limit. Returns the attempts left (0 = now locked).
 */
export async function registerFailure(db: Db, identifier: string, now: Date) {
  const lockUntil = new Date(now.getTime() + CODE_POLICY.lockSeconds * 1000);
  const row = await sql<{ failures: number; locked_until: Date | null }>`
    INSERT INTO auth_lockouts (identifier, failures, updated_at) VALUES (${identifier}, 1, ${now})
    ON CONFLICT (identifier) DO UPDATE SET
      failures = CASE WHEN auth_lockouts.locked_until IS NOT NULL AND auth_lockouts.locked_until <= ${now}
                      THEN 1 ELSE auth_lockouts.failures + 1 END,
      updated_at = ${now}
    RETURNING failures, locked_until`.execute(db);
  const failures = row.rows[0]?.failures ?? 1;
  if (failures >= CODE_POLICY.maxFailures) {
    await db
      .updateTable('auth_lockouts')
      .set({ locked_until: lockUntil, failures: 0 })
      .where('identifier', '=', identifier)
      .execute();
    return { attemptsLeft: 0, lockedUntil: lockUntil };
  }
  return { attemptsLeft: CODE_POLICY.maxFailures - failures, lockedUntil: null };
}

export async function clearFailures(db: Db, identifier: string): Promise<void> {
  await db.deleteFrom('auth_lockouts').where('identifier', '=', identifier).execute();
}
