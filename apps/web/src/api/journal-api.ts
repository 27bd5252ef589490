import { call } from './api-client';

export type JournalChannel = 'web' | 'api' | 'ussd' | 'sms' | 'console' | 'system';
export type JournalOutcome = 'ok' | 'failed' | 'denied';

/** One row of the operations journal (ACCESS-12). */
export interface JournalEntry {
  id: string;
  at: string;
  channel: JournalChannel | string;
  actor: { kind: string; name: string | null };
  /** Dotted verb: `auth.login`, `tariff.changed`, … */
  action: string;
  outcome: JournalOutcome | string;
  details: Record<string, unknown>;
}

export interface JournalPage {
  entries: JournalEntry[];
  /** Cursor for the next (older) page; null at the end. */
  nextBefore: string | null;
}

export interface JournalQuery {
  from?: string;
  to?: string;
  channel?: JournalChannel;
  /** Action prefix, e.g. `auth.`. */
  action?: string;
  outcome?: JournalOutcome;
  limit?: number;
  before?: string;
}

/** GET /lines/{lineId}/journal: newest first, keyset-paginated by `before`. */
export function getJournal(lineId: string, query: JournalQuery, signal?: AbortSignal): Promise<JournalPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.size > 0 ? `?${params}` : '';
  return call('GET', `/lines/${encodeURIComponent(lineId)}/journal${search}`, { signal });
}
