import { call } from './api-client';
import type { ChangeResult, ContentSubscription, LineOptions } from './catalog-types';

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET /lines/{id}/options (SVC-01): connected options and the catalog; the screen filters locally. */
export function getOptions(lineId: string, signal?: AbortSignal): Promise<LineOptions> {
  return call('GET', `${line(lineId)}/options`, { signal });
}

/** POST /lines/{id}/options (SVC-02): connects an option and charges its connection fee once per key. */
export function connectOption(
  lineId: string,
  optionId: string,
  idempotencyKey: string,
): Promise<ChangeResult> {
  return call('POST', `${line(lineId)}/options`, { body: { optionId }, idempotencyKey });
}

/** DELETE /lines/{id}/options/{optionId} (SVC-02). */
export function disconnectOption(
  lineId: string,
  optionId: string,
  idempotencyKey: string,
): Promise<ChangeResult> {
  return call('DELETE', `${line(lineId)}/options/${encodeURIComponent(optionId)}`, { idempotencyKey });
}

/** GET /lines/{id}/subscriptions (SVC-03): paid content subscriptions. */
export async function getSubscriptions(lineId: string, signal?: AbortSignal): Promise<ContentSubscription[]> {
  const { subscriptions } = await call<{ subscriptions: ContentSubscription[] }>(
    'GET',
    `${line(lineId)}/subscriptions`,
    { signal },
  );
  return subscriptions;
}

/**
 * DELETE /lines/{id}/subscriptions/{optionId}: unsubscribes from one. Nothing is charged, so no idempotency
 * key: a repeat is answered 409 `not_connected`, which the screen treats as done.
 */
export function unsubscribe(
  lineId: string,
  optionId: string,
): Promise<ChangeResult & { unsubscribed: number }> {
  return call('DELETE', `${line(lineId)}/subscriptions/${encodeURIComponent(optionId)}`);
}

/** DELETE /lines/{id}/subscriptions: unsubscribes from all at once (one request). */
export function unsubscribeAll(lineId: string): Promise<ChangeResult & { unsubscribed: number }> {
  return call('DELETE', `${line(lineId)}/subscriptions`);
}
