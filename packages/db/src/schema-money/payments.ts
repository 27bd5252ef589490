/** Kysely table types of issue 6 slice A (migration 0014); merged into `Database` (schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** PAY-01/02: an acquirer webhook already received; the key is the acquirer's event id. */
export interface AcquirerWebhookEventsTable {
  acquirer: string;
  event_id: string;
  type: string;
  payment_id: string | null;
  received_at: GeneratedTimestamp;
}

export type SandboxPaymentStatus = 'pending' | 'waiting_for_3ds' | 'succeeded' | 'failed';

/** The sandbox acquirer's own record of a payment (it plays an external system; TEST only). */
export interface SandboxAcquirerPaymentsTable {
  id: string;
  merchant_payment_id: string;
  kind: 'page' | 'token';
  amount: bigint;
  description: string;
  return_url: string;
  save_card: Generated<boolean>;
  status: Generated<SandboxPaymentStatus>;
  failure_reason: string | null;
  card_kind: string | null;
  card_last4: string | null;
  card_brand: string | null;
  card_expires: string | null;
  card_token: string | null;
  three_ds_code: string | null;
  settles_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** A card token the sandbox issued; it remembers the behaviour of its test card. */
export interface SandboxAcquirerTokensTable {
  token: string;
  card_kind: string;
  last4: string;
  brand: string;
  expires: string;
  created_at: GeneratedTimestamp;
}

export interface PaymentsTables {
  acquirer_webhook_events: AcquirerWebhookEventsTable;
  sandbox_acquirer_payments: SandboxAcquirerPaymentsTable;
  sandbox_acquirer_tokens: SandboxAcquirerTokensTable;
}

/** PAY-01/02: the columns migration 0014 adds to `payments` for card payments (null for other sources). */
declare module '../schema.ts' {
  interface PaymentsTable {
    /** Who paid: a subscriber may top up any number, so the payer is not always the line's owner. */
    payer_login_id: string | null;
    /** The number topped up, E.164, for the receipt. */
    msisdn: string | null;
    /** `sandbox`, `yookassa` …: which acquirer took the payment. */
    acquirer: string | null;
    /** The acquirer's hosted payment page. */
    confirmation_url: string | null;
    save_card: Generated<boolean>;
    /** Why it failed, in the acquirer's words (`card_declined`, `insufficient_funds`, `3ds_failed`, `expired`). */
    failure_reason: string | null;
    card_last4: string | null;
    card_brand: string | null;
  }
}
