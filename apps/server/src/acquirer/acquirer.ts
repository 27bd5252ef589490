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
  card?: SavedCardToken;
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
