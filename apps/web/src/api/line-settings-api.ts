import { call } from './api-client';
import type {
  Blacklist,
  BlacklistEntry,
  ForwardingChange,
  ForwardingCondition,
  ForwardingRule,
  ServiceBan,
} from './line-settings-types';

/**
 * Line settings (SVC-04/06/07). The changes are free, so no idempotency key: each is a PUT-like write that
 * is harmless to repeat. Reads are allowed to partial sessions, changes need full access.
 */
const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET /lines/{id}/bans: every ban of the catalog with this line's state. */
export async function getBans(lineId: string, signal?: AbortSignal): Promise<ServiceBan[]> {
  const { bans } = await call<{ bans: ServiceBan[] }>('GET', `${line(lineId)}/bans`, { signal });
  return bans;
}

/** PUT /lines/{id}/bans/{code}: switches one ban on or off. */
export function setBan(lineId: string, code: string, enabled: boolean): Promise<ServiceBan> {
  return call('PUT', `${line(lineId)}/bans/${encodeURIComponent(code)}`, { body: { enabled } });
}

/** GET /lines/{id}/forwarding: the four forwarding rules. */
export async function getForwarding(lineId: string, signal?: AbortSignal): Promise<ForwardingRule[]> {
  const { rules } = await call<{ rules: ForwardingRule[] }>('GET', `${line(lineId)}/forwarding`, { signal });
  return rules;
}

/** PUT /lines/{id}/forwarding/{condition}: 400 `validation_failed` names `target` or `delaySeconds`. */
export function setForwarding(
  lineId: string,
  condition: ForwardingCondition,
  change: ForwardingChange,
): Promise<ForwardingRule> {
  return call('PUT', `${line(lineId)}/forwarding/${condition}`, { body: change });
}

/** GET /lines/{id}/blacklist: the entries and how many the line may have. */
export function getBlacklist(lineId: string, signal?: AbortSignal): Promise<Blacklist> {
  return call('GET', `${line(lineId)}/blacklist`, { signal });
}

/** POST /lines/{id}/blacklist: 409 `already_blacklisted` / `blacklist_full`, 400 on `number`. */
export function addToBlacklist(lineId: string, number: string, label?: string): Promise<BlacklistEntry> {
  return call('POST', `${line(lineId)}/blacklist`, { body: label ? { number, label } : { number } });
}

/** DELETE /lines/{id}/blacklist/{entryId}. */
export function removeFromBlacklist(lineId: string, entryId: string): Promise<void> {
  return call('DELETE', `${line(lineId)}/blacklist/${encodeURIComponent(entryId)}`);
}
