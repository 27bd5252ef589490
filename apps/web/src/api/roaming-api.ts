import { call } from './api-client';
import type { LineOptions } from './catalog-types';
import type { LocalisedName } from './types';

/** What works abroad, per kind (SVC-05). */
export type RoamingKindState = 'available' | 'roaming_off' | 'barred';

export interface RoamingAccess {
  voice: RoamingKindState;
  sms: RoamingKindState;
  data: RoamingKindState;
}

/** A roaming zone of the catalog with the tariff's prices there (kopecks), null when not priced. */
export interface RoamingZonePrices {
  code: string;
  name: LocalisedName;
  countries: string[];
  restOfWorld: boolean;
  prices: { voiceOutPerMin: number; voiceInPerMin: number; smsOut: number; dataPerMb: number } | null;
}

/** GET /lines/{id}/roaming. */
export interface RoamingState {
  enabled: boolean;
  updatedAt: string | null;
  access: RoamingAccess;
  bans: Array<{ code: string; name: LocalisedName; bars: string[]; enabled: boolean }>;
  zones: RoamingZonePrices[];
  packages: Array<{ optionId: string; code: string; zones: string[]; connected: boolean }>;
}

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET /lines/{id}/roaming: the switch, what works abroad, zone prices and which zones each package covers. */
export function getRoaming(lineId: string, signal?: AbortSignal): Promise<RoamingState> {
  return call('GET', `${line(lineId)}/roaming`, { signal });
}

/** PUT /lines/{id}/roaming: free and immediate; `request` is null when nothing changed. */
export function setRoaming(
  lineId: string,
  enabled: boolean,
): Promise<{ request: { id: string } | null; enabled: boolean; access: RoamingAccess }> {
  return call('PUT', `${line(lineId)}/roaming`, { body: { enabled } });
}

/**
 * GET /lines/{id}/options?category=roaming (the options API, SVC-01): the roaming packages with their fees
 * and compatibility; they are connected through that API too.
 */
export function getRoamingOptions(lineId: string, signal?: AbortSignal): Promise<LineOptions> {
  return call('GET', `${line(lineId)}/options?category=roaming`, { signal });
}
