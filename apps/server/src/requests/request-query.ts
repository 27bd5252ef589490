import type { Db } from '@kabinet/db';
import type { RequestStatus } from './record-request.ts';

/** A request with its time line, as stored. */
export interface RequestRow {
  id: string;
  kind: string;
  status: RequestStatus;
  payload: Record<string, unknown>;
  effective_at: Date | null;
  created_at: Date;
  updated_at: Date;
  events: Array<{ status: string; note: string; at: Date }>;
}

/** Requests of a line, newest first (ids sort by creation), with their events; `limit + 1` tells of a next page. */
export async function loadRequests(
  db: Db,
  filter: { lineId: string; status?: RequestStatus; before?: string; limit: number; ids?: string[] },
): Promise<RequestRow[]> {
  let query = db
    .selectFrom('requests')
    .select(['id', 'kind', 'status', 'payload', 'effective_at', 'created_at', 'updated_at'])
    .where('line_id', '=', filter.lineId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.before) query = query.where('id', '<', filter.before);
  if (filter.ids) query = query.where('id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('request_events')
    .select(['request_id', 'status', 'note', 'at'])
    .where(
      'request_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    events: events.filter((e) => e.request_id === r.id).map(({ status, note, at }) => ({ status, note, at })),
  }));
}

/** One request of a line, or undefined (another line's request is not found either). */
export async function loadRequest(
  db: Db,
  lineId: string,
  requestId: string,
): Promise<RequestRow | undefined> {
  const [row] = await loadRequests(db, { lineId, ids: [requestId], limit: 1 });
  return row;
}
