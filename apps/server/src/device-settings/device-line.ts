import type { Db, LineStatus } from '@kabinet/db';
import { sql } from 'kysely';
import { AppError, problems } from '../http/problem.ts';

export interface DeviceLine {
  id: string;
  kind: string;
  msisdn: string | null;
  status: LineStatus;
}

/** Problems of SVC-12 with stable codes (docs/api/line-extras.md). */
export const deviceProblems = {
  /** 409: settings go by SMS, so only a mobile line with a number can get them. */
  notMobile: () => new AppError(409, 'not_mobile', 'Settings are sent to mobile lines only.'),
  /** 409: a blocked or suspended line would not receive the SMS. */
  lineNotActive: () =>
    new AppError(409, 'line_not_active', 'The line is not active, so it cannot receive the settings SMS.'),
};

/**
 * The line settings go to; with `lock`, the line row is held (FOR NO KEY UPDATE) so two sends of one line are
 * counted one after the other and the hourly limit cannot be raced. 404 for a missing line.
 */
export async function loadDeviceLine(
  db: Db,
  lineId: string,
  lock: boolean,
): Promise<DeviceLine & { msisdn: string }> {
  const result = await sql<DeviceLine>`
    SELECT id, kind, msisdn, status FROM lines WHERE id = ${lineId} ${lock ? sql`FOR NO KEY UPDATE` : sql``}`.execute(
    db,
  );
  const line = result.rows[0];
  if (!line) throw problems.notFound('line');
  if (line.kind !== 'mobile' || line.msisdn === null) throw deviceProblems.notMobile();
  return { ...line, msisdn: line.msisdn };
}

const HOUR_MS = 3_600_000;

/** When this line's settings were sent in the last hour: its `device_settings` requests. */
export async function recentSends(db: Db, lineId: string, now: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('requests')
    .select('created_at')
    .where('line_id', '=', lineId)
    .where('kind', '=', 'device_settings')
    .where('created_at', '>', new Date(now.getTime() - HOUR_MS))
    .where('created_at', '<=', now)
    .execute();
  return rows.map((r) => r.created_at);
}
