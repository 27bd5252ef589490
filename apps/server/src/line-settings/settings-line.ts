import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { problems } from '../http/problem.ts';

/** A line whose settings are being changed, read under its lock. */
export interface SettingsLine {
  id: string;
  /** E.164, or null for a home-internet line. */
  msisdn: string | null;
}

/**
 * Locks the line row (FOR NO KEY UPDATE, like tariff and option changes) and reads its number: changes of one
 * line's settings queue, so the blacklist limit and "already blacklisted" cannot be outrun by a concurrent add.
 */
export async function lockSettingsLine(trx: Db, lineId: string): Promise<SettingsLine> {
  const result = await sql<SettingsLine>`
    SELECT id, msisdn FROM lines WHERE id = ${lineId} FOR NO KEY UPDATE`.execute(trx);
  const line = result.rows[0];
  if (!line) throw problems.notFound('line');
  return line;
}
