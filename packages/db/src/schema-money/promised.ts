import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** PAY-05: the operator's promised-payment rules, one JSON document (docs/promised-payment.md). */
export interface PromisedPaymentSettingsTable {
  id: boolean;
  rules: Json<Record<string, unknown>>;
  updated_at: GeneratedTimestamp;
}

/** PAY-05: a promised payment of an account, credited when taken and debited back when due. */
export interface PromisedPaymentsTable {
  id: string;
  account_id: string;
  line_id: string;
  login_id: string | null;
  channel: 'web' | 'ussd';
  /** Exactly-once guard of taking: `web:<login>:<Idempotency-Key>` or `ussd:<session>`. */
  request_key: string;
  amount: bigint;
  fee: bigint;
  status: 'active' | 'repaid';
  taken_at: Timestamp;
  due_at: Timestamp;
  reminded_at: Timestamp | null;
  repaid_at: Timestamp | null;
  credit_transfer_id: string;
  fee_transfer_id: string | null;
  repay_transfer_id: string | null;
  request_id: string | null;
}

/** Kysely table types of issue 6 slice P; merged into `Database` (schema.ts). */
export interface PromisedTables {
  promised_payment_settings: PromisedPaymentSettingsTable;
  promised_payments: PromisedPaymentsTable;
}
