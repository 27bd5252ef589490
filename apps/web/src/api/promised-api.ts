import { call } from './api-client';

/** Why a promised payment is refused (PAY-05); each is worded on the screen. */
export type PromisedRefusal =
  | 'postpaid'
  | 'line_closed'
  | 'line_blocked'
  | 'tenure_too_short'
  | 'low_top_ups'
  | 'unpaid_promised';

/** An unpaid promised payment (kopecks). */
export interface ActivePromised {
  id: string;
  amount: number;
  fee: number;
  takenAt: string;
  dueAt: string;
  channel: 'web' | 'ussd';
}

/** GET /lines/{id}/promised-payment. */
export interface PromisedState {
  eligible: boolean;
  refusals: PromisedRefusal[];
  options: Array<{ amount: number; fee: number }>;
  /** When one taken now is debited back. */
  dueAt: string;
  termDays: number;
  minTenureDays: number;
  tenureDays: number;
  averageTopUps: number;
  /** Average monthly top-ups the smallest amount needs. */
  minAverageTopUps: number;
  balance: number;
  active: ActivePromised | null;
}

export interface TakenPromised {
  promisedPayment: ActivePromised;
  request: { id: string; kind: 'promised_payment'; status: 'done' };
  balance: number;
}

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET: eligibility with every reason, the amounts with fees, the due date and the unpaid one. */
export function getPromised(lineId: string, signal?: AbortSignal): Promise<PromisedState> {
  return call('GET', `${line(lineId)}/promised-payment`, { signal });
}

/** POST: takes one; `idempotencyKey` is one per confirmation, reused on retry, so it is taken once. */
export function takePromised(lineId: string, amount: number, idempotencyKey: string): Promise<TakenPromised> {
  return call('POST', `${line(lineId)}/promised-payment`, { body: { amount }, idempotencyKey });
}
