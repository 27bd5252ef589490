import { call } from './api-client';

/** GET /payments/card/terms: limits and presets (kopecks), and whether the acquirer is the TEST sandbox. */
export interface CardTopUpTerms {
  minAmount: number;
  maxAmount: number;
  presets: number[];
  commission: number;
  acquirer: { name: string; test: boolean };
}

/** A card payment and its receipt (PAY-01/02), as its payer sees it. */
export interface CardPayment {
  id: string;
  status: 'pending' | 'succeeded' | 'failed' | 'refunded';
  /** Kopecks. */
  amount: number;
  msisdn: string | null;
  ownLine: boolean;
  lineId: string | null;
  createdAt: string;
  completedAt: string | null;
  /** `card_declined`, `insufficient_funds`, `3ds_failed`, `canceled`, `expired` … */
  failureReason: string | null;
  card: { last4: string; brand: string } | null;
  commission: number;
  acquirer: { name: string; test: boolean };
  confirmationUrl: string | null;
}

/** Whom to top up: one of your lines, or any number as typed. */
export type TopUpTarget = { lineId: string } | { msisdn: string };

export function getCardTopUpTerms(signal?: AbortSignal): Promise<CardTopUpTerms> {
  return call('GET', '/payments/card/terms', { signal });
}

/**
 * POST /payments/card: starts a card top-up; answers the acquirer's hosted page to send the browser to.
 * `idempotencyKey` is one per intent (same amount and number), so a double click makes one payment.
 */
export function startCardTopUp(
  input: TopUpTarget & { amount: number; saveCard: boolean },
  idempotencyKey: string,
): Promise<{ payment: CardPayment; confirmationUrl: string }> {
  return call('POST', '/payments/card', { body: input, idempotencyKey });
}

/** GET /payments/{id}: status and receipt; 404 for a payment that is not yours. */
export function getCardPayment(paymentId: string, signal?: AbortSignal): Promise<CardPayment> {
  return call('GET', `/payments/${encodeURIComponent(paymentId)}`, { signal });
}
