/**
 * How a message leaves the system. The outbox dispatcher hands each claimed message to the transport for its
 * channel: SMPP (SMS, flash) and SMTP (email) in production, the virtual phone and the email capture in demo mode.
 */
import type { DeliveryReceipt } from '@kabinet/channels';

export type Channel = 'sms' | 'email' | 'flash';

export interface OutgoingMessage {
  id: string;
  channel: Channel;
  recipient: string;
  sender: string;
  body: string;
  /** Channel-specific content: for email `{ subject, html?, attachments?: attachment ids }`. */
  payload?: Record<string, unknown>;
}

/**
 * What a transport learned: `submitted` — accepted by an SMS centre, a receipt will follow (the centre's id of each
 * part in `providerIds`); `delivered` — the last confirmation this channel can give (SMTP relay accepted it, the
 * virtual phone stored it).
 */
export interface SendResult {
  state: 'submitted' | 'delivered';
  providerIds?: string[];
}

export interface Transport {
  readonly name: string;
  /**
   * Sends one message. A rejection with a `DeliveryError` tells the outbox what to do: `transient` → retry with
   * backoff, `permanent` → failed, `unknown` → re-send at most once. Any other error counts as transient.
   */
  send(message: OutgoingMessage): Promise<SendResult | undefined>;
  /** Connects early (SMPP binds so mobile-originated SMS can arrive). */
  start?(): void;
  /** Closes connections. */
  stop?(): Promise<void>;
  /** Delivery receipts for earlier `submitted` results. */
  onReceipt?(listener: (receipt: DeliveryReceipt) => void): () => void;
}
