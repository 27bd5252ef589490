import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { AppError, problems } from '../http/problem.ts';

/** A line as roaming needs it: its kind, tariff rates and roaming switch (null: never set, the default on). */
export interface RoamingLine {
  id: string;
  kind: string;
  rates: Record<string, unknown>;
  enabled: boolean | null;
  updated_at: Date | null;
}

/** Roaming is on for a line that never switched it (decisions/0010). */
export const ROAMING_DEFAULT = true;

/**
 * Reads the line with its roaming switch; with `lock`, holds the line row (FOR NO KEY UPDATE, like the other
 * settings) so two switches of one line queue instead of racing. 404 for a missing line; 409 `not_mobile` for
 * a home-internet or TV line, which has no roaming.
 */
export async function loadRoamingLine(db: Db, lineId: string, lock: boolean): Promise<RoamingLine> {
  const result = await sql<RoamingLine>`
    SELECT l.id, l.kind, t.rates, r.enabled, r.updated_at
    FROM lines l JOIN tariffs t ON t.id = l.tariff_id LEFT JOIN line_roaming r ON r.line_id = l.id
    WHERE l.id = ${lineId} ${lock ? sql`FOR NO KEY UPDATE OF l` : sql``}`.execute(db);
  const line = result.rows[0];
  if (!line) throw problems.notFound('line');
  if (line.kind !== 'mobile') throw roamingProblems.notMobile();
  return line;
}

/** Problems of SVC-05 with stable codes (docs/api/line-extras.md). */
export const roamingProblems = {
  /** 409: the line is not a mobile line. */
  notMobile: () => new AppError(409, 'not_mobile', 'Only mobile lines have roaming.'),
};
