import { call } from './api-client';
import type { RequestRef } from './sim-types';

/** A melody of the ringback catalog (SVC-08). */
export interface Melody {
  id: string;
  name: { ru: string; en: string };
  artist: string;
  durationSeconds: number;
}

export interface RingbackState {
  /** The ringback option of the catalog, null when the operator has none. */
  option: { id: string; name: { ru: string; en: string } } | null;
  connected: boolean;
  current: Melody | null;
  changedAt: string | null;
  melodies: Melody[];
}

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}/ringback`;

/** GET /lines/{id}/ringback (SVC-08): the melody chosen and those on offer. */
export function getRingback(lineId: string, signal?: AbortSignal): Promise<RingbackState> {
  return call('GET', line(lineId), { signal });
}

/** PUT /lines/{id}/ringback: free; 409 `not_connected` / `already_chosen`, 404 for an unknown melody. */
export function chooseMelody(
  lineId: string,
  melodyId: string,
): Promise<{ request: RequestRef; current: Melody }> {
  return call('PUT', line(lineId), { body: { melodyId } });
}
