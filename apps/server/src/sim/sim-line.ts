import type { Db, LineStatus } from '@kabinet/db';
import { sql } from 'kysely';
import { problems } from '../http/problem.ts';

/** A line whose suspension or SIM is being changed, read under its lock. */
export interface SimLine {
  id: string;
  /** E.164, or null for a home-internet line. */
  msisdn: string | null;
  status: LineStatus;
  block_reason: 'voluntary' | 'lost' | 'stolen' | 'debt' | null;
  blocked_at: Date | null;
  suspended_until: Date | null;
  /** The tariff's `rates`. */
  rates: Record<string, unknown>;
}

/**
 * Locks the line row (FOR NO KEY UPDATE, like settings changes) and reads its state and tariff rates, so two
 * changes of one line's status or SIM queue instead of racing.
 */
export async function lockSimLine(trx: Db, lineId: string): Promise<SimLine> {
  const result = await sql<SimLine>`
    SELECT l.id, l.msisdn, l.status, l.block_reason, l.blocked_at, l.suspended_until, t.rates
    FROM lines l JOIN tariffs t ON t.id = l.tariff_id
    WHERE l.id = ${lineId} FOR NO KEY UPDATE OF l`.execute(trx);
  const line = result.rows[0];
  if (!line) throw problems.notFound('line');
  return line;
}
