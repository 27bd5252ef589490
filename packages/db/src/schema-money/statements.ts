import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** PAY-10: the monthly invoice of a postpaid account, issued once per account and month by the invoice job. */
export interface InvoicesTable {
  id: string;
  account_id: string;
  /** `YYYY-MM` in the operator's zone. */
  month: string;
  /** Printed number: `<account number>-<YYYYMM>`. */
  number: string;
  period_start: Timestamp;
  period_end: Timestamp;
  opening_balance: bigint;
  /** Kopecks per spending category, as decimal strings (JSON has no bigint). */
  charges: Json<Record<string, string>>;
  charges_total: bigint;
  payments_total: bigint;
  other_movements: bigint;
  closing_balance: bigint;
  amount_due: bigint;
  credit_limit: bigint;
  /** `YYYY-MM-DD`, operator's calendar. */
  due_date: string;
  issued_at: Timestamp;
}

/** PAY-10: a temporary raise of a postpaid account's credit limit ("доверительный платёж"). */
export interface TrustPaymentsTable {
  id: string;
  account_id: string;
  line_id: string;
  login_id: string | null;
  /** Exactly-once guard of taking: the Idempotency-Key scope `<login>:<key>`. */
  request_key: string;
  /** `YYYY-MM` it was taken in (operator's zone): once per month. */
  month: string;
  amount: bigint;
  /** The credit limit before the raise, for the record. */
  base_limit: bigint;
  status: ColumnType<'active' | 'expired', 'active' | 'expired' | undefined, 'active' | 'expired'>;
  taken_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
}

/** Kysely table types of issue 6 slice D; merged into `Database` (schema.ts). */
export interface StatementsTables {
  invoices: InvoicesTable;
  trust_payments: TrustPaymentsTable;
}
