import { call } from './api-client';

/** A card saved on a card top-up (PAY-04): shown as brand + last 4 digits + expiry, never the number. */
export interface SavedCard {
  id: string;
  brand: string;
  last4: string;
  /** `MM/YY` */
  expires: string;
  createdAt: string;
}

export type AutopayKind = 'threshold' | 'monthly';

/** An autopay rule of a line with its state (money in kopecks). */
export interface Autopay {
  id: string;
  lineId: string;
  kind: AutopayKind;
  threshold: number | null;
  dayOfMonth: number | null;
  amount: number;
  card: SavedCard;
  cardRemoved: boolean;
  /** False when the card cannot be charged (removed, or saved with a previous payment provider). */
  cardChargeable: boolean;
  dailyLimit: number | null;
  monthlyLimit: number | null;
  status: 'active' | 'paused';
  pausedReason: 'subscriber' | 'failures' | 'card_removed' | 'card_unusable' | null;
  failures: number;
  lastRunAt: string | null;
  lastResult: 'succeeded' | 'failed' | 'pending' | null;
  /** The acquirer's words: `insufficient_funds`, `card_declined`, `expired` … */
  lastFailureReason: string | null;
  nextRunAt: string | null;
  limitReached: 'daily' | 'monthly' | null;
  createdAt: string;
}

/** GET /lines/{id}/autopay. */
export interface AutopayOverview {
  balance: number;
  cards: SavedCard[];
  autopays: Autopay[];
  /** PAY-09: kopecks, null = off. */
  lowBalanceThreshold: number | null;
  acquirerTest: boolean;
}

/** What the form sends (kopecks). */
export interface AutopayDraft {
  kind: AutopayKind;
  threshold?: number | null;
  dayOfMonth?: number | null;
  amount: number;
  cardId: string;
  dailyLimit?: number | null;
  monthlyLimit?: number | null;
}

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET: saved cards, rules with their state, the low-balance threshold. */
export function getAutopay(lineId: string, signal?: AbortSignal): Promise<AutopayOverview> {
  return call('GET', `${line(lineId)}/autopay`, { signal });
}

/** POST: one `idempotencyKey` per form submission, reused on retry, so one rule is created. */
export function createAutopay(lineId: string, draft: AutopayDraft, idempotencyKey: string): Promise<Autopay> {
  return call('POST', `${line(lineId)}/autopays`, { body: draft, idempotencyKey });
}

/** PATCH: pause (`status: 'paused'`), resume (`'active'`), or change fields. */
export function updateAutopay(
  lineId: string,
  autopayId: string,
  change: Partial<Omit<AutopayDraft, 'kind'>> & { status?: 'active' | 'paused' },
): Promise<Autopay> {
  return call('PATCH', `${line(lineId)}/autopays/${encodeURIComponent(autopayId)}`, { body: change });
}

export function deleteAutopay(lineId: string, autopayId: string): Promise<void> {
  return call('DELETE', `${line(lineId)}/autopays/${encodeURIComponent(autopayId)}`);
}

/** DELETE a saved card; rules charging it are paused. */
export function removeSavedCard(lineId: string, cardId: string): Promise<void> {
  return call('DELETE', `${line(lineId)}/saved-cards/${encodeURIComponent(cardId)}`);
}

/** PUT the PAY-09 threshold (kopecks; null switches the notice off). */
export function setLowBalanceThreshold(
  lineId: string,
  threshold: number | null,
): Promise<{ lowBalanceThreshold: number | null; below: boolean }> {
  return call('PUT', `${line(lineId)}/low-balance-threshold`, { body: { threshold } });
}
