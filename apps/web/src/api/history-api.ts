import { call } from './api-client';
import type { ChangeResult } from './catalog-types';

/** A tariff or option named in the history or the plan. */
export interface HistoryItem {
  id: string;
  code: string;
  name: { ru: string; en: string };
}

/** One change of tariff or options (SVC-10). */
export interface HistoryEntry {
  at: string;
  type: 'tariff_started' | 'tariff_changed' | 'option_connected' | 'option_disconnected';
  item: HistoryItem;
  previous: HistoryItem | null;
}

export interface HistoryView {
  changes: HistoryEntry[];
  /** First date the history knows, `YYYY-MM-DD`. */
  since: string;
  /** Today in the operator time zone, `YYYY-MM-DD`. */
  today: string;
}

/** A periodic fee: kopecks per `feePeriod` (0 and null when none). */
export interface Periodic {
  periodicFee: number;
  feePeriod: 'day' | 'month' | null;
}

export type SkipReason = 'archived' | 'not_offered' | 'content' | 'requires_tariff' | 'excludes_option';

/** What returning to a date would change and cost, kopecks. */
export interface RevertPlan {
  date: string;
  at: string;
  /** `periodicFee` (kopecks per `feePeriod`) is what it costs from then on. */
  tariff: ({ from: HistoryItem; to: HistoryItem; fee: number } & Periodic) | null;
  connect: Array<{ option: HistoryItem; fee: number } & Periodic>;
  disconnect: Array<{ option: HistoryItem; reason: 'not_in_past' | 'requires_tariff' }>;
  skipped: Array<{
    kind: 'tariff' | 'option';
    item: HistoryItem;
    reason: SkipReason;
    clashes: Array<{ code: string; name: { ru: string; en: string } }>;
  }>;
  total: number;
  balance: number;
  empty: boolean;
  fingerprint: string;
}

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET /lines/{id}/history (SVC-10): changes of tariff and options, newest first. Full access only. */
export function getHistory(lineId: string, signal?: AbortSignal): Promise<HistoryView> {
  return call('GET', `${line(lineId)}/history`, { signal });
}

/** GET /lines/{id}/history/revert-plan: what returning to `date` takes; 400 `in_future` / `before_history`. */
export function getRevertPlan(lineId: string, date: string, signal?: AbortSignal): Promise<RevertPlan> {
  return call('GET', `${line(lineId)}/history/revert-plan?date=${encodeURIComponent(date)}`, { signal });
}

/**
 * POST /lines/{id}/history/revert: applies the plan shown (its `fingerprint`), all or nothing, fees once per
 * key; 402 `insufficient_funds`, 409 `plan_changed` / `nothing_to_revert`.
 */
export function revertToDate(
  lineId: string,
  date: string,
  fingerprint: string,
  idempotencyKey: string,
): Promise<ChangeResult> {
  return call('POST', `${line(lineId)}/history/revert`, { body: { date, fingerprint }, idempotencyKey });
}
