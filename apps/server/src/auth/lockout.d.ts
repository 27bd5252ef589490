import type { Db } from '@kabinet/db';
import { AppError } from '../http/problem.ts';
export declare function lockedError(lockedUntil: Date): AppError;
/** Throws `login_locked` while the identifier is locked (ACCESS-04). */
export declare function assertNotLocked(db: Db, identifier: string, now: Date): Promise<void>;
/**
 * Counts one more consecutive failure, atomically (one statement, so parallel guesses cannot slip past the
 * limit), and locks the identifier when the count reaches the limit. Returns the attempts left (0 = now locked).
 */
export declare function registerFailure(
  db: Db,
  identifier: string,
  now: Date,
): Promise<
  | {
      attemptsLeft: number;
      lockedUntil: Date;
    }
  | {
      attemptsLeft: number;
      lockedUntil: null;
    }
>;
export declare function clearFailures(db: Db, identifier: string): Promise<void>;
