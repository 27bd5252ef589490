import { call } from './api-client';
import type { LineRequest } from './catalog-types';

export interface RequestsPage {
  requests: LineRequest[];
  /** Cursor for the next (older) page; null at the end. */
  nextBefore: string | null;
}

/** GET /lines/{id}/requests (SVC-11): newest first, keyset-paginated by `before`. */
export function getRequests(
  lineId: string,
  query: { before?: string; limit?: number } = {},
  signal?: AbortSignal,
): Promise<RequestsPage> {
  const params = new URLSearchParams();
  if (query.before) params.set('before', query.before);
  if (query.limit) params.set('limit', String(query.limit));
  const search = params.size > 0 ? `?${params}` : '';
  return call('GET', `/lines/${encodeURIComponent(lineId)}/requests${search}`, { signal });
}
