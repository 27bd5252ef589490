/** Kysely table types of issue 6 slice E (migration 0019, BONUS-01/02); merged into `Database` (schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** BONUS-01: the one row of configurable points rules (docs/bonuses.md). */
export interface BonusRulesTable {
  id: Generated<number>;
  top_up_kopecks_per_point: Generated<bigint>;
  top_up_sources: Generated<string[]>;
  spending_kopecks_per_point: Generated<bigint>;
  spending_account_codes: Generated<string[]>;
  expiry_months: Generated<number>;
  expiring_soon_days: Generated<number>;
  updated_at: GeneratedTimestamp;
}

/** The cached points balance of a billing account (= sum of its entries). */
export interface BonusAccountsTable {
  account_id: string;
  balance: Generated<number>;
  updated_at: GeneratedTimestamp;
}

export type BonusEntryReason = 'top_up' | 'spending' | 'redemption' | 'expiry' | 'adjustment';

/** The append-only points ledger: one row per movement, unique idempotency key. */
export interface BonusEntriesTable {
  id: string;
  seq: Generated<bigint>;
  account_id: string;
  points: number;
  reason: BonusEntryReason;
  reference: Generated<string>;
  line_id: string | null;
  idempotency_key: string;
  expires_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export type BonusRewardKind = 'package' | 'balance_credit' | 'coupon';

/** BONUS-02: the rewards catalog. */
export interface BonusRewardsTable {
  code: string;
  kind: BonusRewardKind;
  cost: number;
  name_ru: string;
  name_en: string;
  description_ru: Generated<string>;
  description_en: Generated<string>;
  package_template_id: string | null;
  valid_days: number | null;
  amount: bigint | null;
  partner: string | null;
  sort: Generated<number>;
  active: Generated<boolean>;
}

/** A partner coupon code of a reward's pool; handed out at most once. */
export interface BonusCouponsTable {
  id: string;
  reward_code: string;
  code: string;
  redemption_id: string | null;
  created_at: GeneratedTimestamp;
}

/** A reward taken for points. */
export interface BonusRedemptionsTable {
  id: string;
  account_id: string;
  reward_code: string;
  points: number;
  line_id: string;
  target_line_id: string;
  login_id: string | null;
  bucket_id: string | null;
  transfer_id: string | null;
  coupon_id: string | null;
  created_at: GeneratedTimestamp;
}

/** A period (`YYYY-MM`) the spending job has done. */
export interface BonusJobPeriodsTable {
  job: string;
  period: string;
  accounts: Generated<number>;
  done_at: GeneratedTimestamp;
}

export interface BonusTables {
  bonus_job_periods: BonusJobPeriodsTable;
  bonus_rules: BonusRulesTable;
  bonus_accounts: BonusAccountsTable;
  bonus_entries: BonusEntriesTable;
  bonus_rewards: BonusRewardsTable;
  bonus_coupons: BonusCouponsTable;
  bonus_redemptions: BonusRedemptionsTable;
}
