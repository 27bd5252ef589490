/** Kysely table types of issue 6 slice B (migration 0017); merged into `Database` (schema.ts). */
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** PAY-04: a card saved on a top-up, as the acquirer's token plus what to show. Never the number. */
export interface SavedCardsTable {
  id: string;
  account_id: string;
  login_id: string | null;
  acquirer: string;
  token: string;
  last4: string;
  brand: string;
  /** `MM/YY` */
  expires: string;
  created_at: GeneratedTimestamp;
  removed_at: Timestamp | null;
}

export type AutopayKind = 'threshold' | 'monthly';
export type AutopayStatus = 'active' | 'paused';
export type AutopayPausedReason = 'subscriber' | 'failures' | 'card_removed' | 'card_unusable';

/** PAY-04: an autopay rule of a line: by threshold or monthly, charged to a saved card, with limits. */
export interface AutopaysTable {
  id: string;
  line_id: string;
  account_id: string;
  kind: AutopayKind;
  threshold: bigint | null;
  day_of_month: number | null;
  amount: bigint;
  card_id: string;
  daily_limit: bigint | null;
  monthly_limit: bigint | null;
  status: Generated<AutopayStatus>;
  paused_reason: AutopayPausedReason | null;
  failures: Generated<number>;
  retry_at: Timestamp | null;
  cycle: Generated<number>;
  last_period: string | null;
  last_run_at: Timestamp | null;
  last_result: 'succeeded' | 'failed' | 'pending' | null;
  last_failure_reason: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: Timestamp | null;
}

/** PAY-04: one attempt of an autopay; exactly one payment each, keyed by `run_key`. */
export interface AutopayRunsTable {
  id: string;
  autopay_id: string;
  run_key: string;
  payment_id: string;
  attempt: number;
  /** Monthly rules: the month (`YYYY-MM`) paid for. */
  period: string | null;
  amount: bigint;
  status: Generated<'pending' | 'succeeded' | 'failed'>;
  failure_reason: string | null;
  created_at: GeneratedTimestamp;
  completed_at: Timestamp | null;
}

/** PAY-09: whether an account is below its low-balance threshold (notified once per crossing). */
export interface LowBalanceStatesTable {
  account_id: string;
  below: boolean;
  changed_at: GeneratedTimestamp;
}

export interface AutopayTables {
  saved_cards: SavedCardsTable;
  autopays: AutopaysTable;
  autopay_runs: AutopayRunsTable;
  low_balance_states: LowBalanceStatesTable;
}

export type SavedCard = Selectable<SavedCardsTable>;
export type Autopay = Selectable<AutopaysTable>;
