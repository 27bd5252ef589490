/**
 * The acquirer interface (PAY-01/02/04): what the payment capability needs from a card acquirer, whatever its
 * API. The built-in sandbox acquirer implements it (plainly marked TEST); a real one (e.g. YooKassa) is another
 * adapter behind the same interface. Amounts are kopecks; card numbers never reach us, only tokens.
 *
 * Contract agreed in issue 6 groundwork; the sandbox and its tests belong to the acquirer slice (A).
 */

export type AcquirerPaymentStatus = 'pending' | 'waiting_for_3ds' | 'succeeded' | 'failed';

/** A saved card as the acquirer describes it: a token to charge later and what to show. Never the number. */
export interface SavedCardToken {
  token: string;
  last4: string;
  brand: string;
  /** `MM/YY` */
  expires: string;
}

export interface CreatePaymentInput {
  /** Our payment id; also the acquirer's idempotency key, so a retried create makes one payment. */
  paymentId: string;
  amount: bigint;
  description: string;
  /** Where the hosted page sends the subscriber back (our result page). */
  returnUrl: string;
  /** Ask the acquirer to save the card (PAY-04 autopay) and tell us its token with the result. */
  saveCard: boolean;
}

export interface CreatedPayment {
  externalId: string;
  /** The hosted payment page to send the subscriber to. */
  confirmationUrl: string;
}

export interface ChargeTokenInput {
  paymentId: string;
  amount: bigint;
  token: string;
  description: string;
}

export interface AcquirerPaymentState {
  externalId: string;
  status: AcquirerPaymentStatus;
  amount: bigint;
  /** Why it failed, in the acquirer's words (e.g. `card_declined`, `insufficient_funds`, `3ds_failed`). */
  failureReason?: string;
  /** The saved card's token, when the payer asked to save it (PAY-04). */
  card?: SavedCardToken;
  /** The card paid with, for the receipt, saved or not (an optional extension of the groundwork contract). */
  paidWith?: { last4: string; brand: string };
}

export interface Acquirer {
  /** `sandbox`, `yookassa` … stored on each payment. */
  readonly name: string;
  /** True for the sandbox: every screen that shows it says TEST. */
  readonly test: boolean;
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /** A server-to-server charge of a saved card (autopay); no page, no 3-D Secure. */
  chargeToken(input: ChargeTokenInput): Promise<AcquirerPaymentState>;
  /** The acquirer's own view of a payment: for reconciliation of payments left pending (timeouts). */
  fetchPayment(externalId: string): Promise<AcquirerPaymentState>;
}

/** An acquirer call that did not answer in time: the payment stays pending and is reconciled later. */
export class AcquirerTimeoutError extends Error {
  constructor(operation: string) {
    super(`The acquirer did not answer in time (${operation})`);
    this.name = 'AcquirerTimeoutError';
  }
}

/** A webhook the acquirer sent, once verified: which event, about which of our payments, in which state. */
export interface AcquirerNotification {
  /** The acquirer's event id: a redelivery carries the same id (deduplicated by it). */
  eventId: string;
  /** e.g. `payment.succeeded`, `payment.failed`, `payment.waiting_for_3ds`. */
  type: string;
  /** Our payment id, as given to `createPayment`. */
  paymentId: string;
  state: AcquirerPaymentState;
}

/** Why a webhook was refused: `malformed` (400), `stale` timestamp (400) or `bad_signature` (401). */
export class WebhookRejectedError extends Error {
  constructor(readonly reason: 'malformed' | 'stale' | 'bad_signature') {
    super(`Webhook rejected: ${reason}`);
    this.name = 'WebhookRejectedError';
  }
}

/**
 * What an acquirer that sends webhooks adds to `Acquirer` (an optional extension of the groundwork contract):
 * each adapter knows how its notifications are signed. An acquirer whose notifications carry no timestamp
 * would re-fetch the payment state here before answering.
 */
export interface NotifyingAcquirer extends Acquirer {
  /** Verifies a webhook's signature and timestamp over the raw body and reads it; throws WebhookRejectedError. */
  readNotification(
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
    now: Date,
    /** The client address of the request (the TCP peer, or a trusted proxy's forwarded one). */
    sender?: { ip?: string | undefined },
  ): Promise<AcquirerNotification>;
}

/** Whether the acquirer sends webhooks the cabinet can verify. */
export function isNotifyingAcquirer(acquirer: Acquirer): acquirer is NotifyingAcquirer {
  return typeof (acquirer as Partial<NotifyingAcquirer>).readNotification === 'function';
}
