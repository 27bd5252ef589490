/**
 * Row types of the tables in `migrations/`, for Kysely. Written by hand next to the SQL; the migration test
 * checks that every table here exists. `Generated<T>` marks columns with a database default.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type LineKind = 'mobile' | 'home_internet' | 'tv' | 'home_phone';
export type LineStatus = 'active' | 'blocked' | 'suspended' | 'closed';
export type PackageKindColumn = 'voice' | 'sms' | 'data';
export type FeePeriod = 'day' | 'month';
export type AccessLevel = 'full' | 'partial';
export type GrantRole = 'owner' | 'linked' | 'child' | 'delegate';
export type UsageKind = 'voice_out' | 'voice_in' | 'sms_out' | 'sms_in' | 'mms_out' | 'mms_in' | 'data';
export type JournalChannel = 'web' | 'api' | 'ussd' | 'sms' | 'console' | 'system';
export type ActorKind = 'subscriber' | 'agent' | 'admin' | 'system' | 'integration' | 'anonymous';

export interface CustomersTable {
  id: string;
  kind: 'person' | 'company';
  display_name: string;
  inn: string | null;
  email: string | null;
  created_at: GeneratedTimestamp;
}

export interface LedgerAccountsTable {
  id: string;
  code: string;
  kind: 'subscriber' | 'revenue' | 'clearing' | 'credit' | 'bonus' | 'equity';
  name: string;
  balance: Generated<bigint>;
  created_at: GeneratedTimestamp;
}

export interface BillingAccountsTable {
  id: string;
  customer_id: string;
  number: string;
  payment_type: 'prepaid' | 'postpaid';
  currency: Generated<'RUB'>;
  credit_limit: Generated<bigint>;
  low_balance_threshold: bigint | null;
  ledger_account_id: string;
  status: Generated<'active' | 'closed'>;
  created_at: GeneratedTimestamp;
}

export interface TariffsTable {
  id: string;
  code: string;
  line_kind: Generated<LineKind>;
  name_ru: string;
  name_en: string;
  description_ru: Generated<string>;
  description_en: Generated<string>;
  fee: bigint;
  fee_period: FeePeriod;
  rates: Json<Record<string, unknown>>;
  is_public: Generated<boolean>;
  archived_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface OptionsTable {
  id: string;
  code: string;
  category: 'internet' | 'calls' | 'roaming' | 'messages' | 'extra' | 'content';
  name_ru: string;
  name_en: string;
  description_ru: Generated<string>;
  description_en: Generated<string>;
  connect_fee: Generated<bigint>;
  fee: Generated<bigint>;
  fee_period: FeePeriod | null;
  short_number: string | null;
  requires_tariffs: Generated<string[]>;
  excludes_options: Generated<string[]>;
  archived_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  /** Roaming options: codes of the roaming zones where they apply (migration 0004). */
  roaming_zones: Generated<string[]>;
}

export interface PackageTemplatesTable {
  id: string;
  tariff_id: string | null;
  option_id: string | null;
  kind: PackageKindColumn;
  amount: bigint;
  renew: 'fee_period' | 'day' | 'month' | 'once';
  name_ru: string;
  name_en: string;
}

export interface LinesTable {
  id: string;
  account_id: string;
  kind: LineKind;
  msisdn: string | null;
  contract_number: string | null;
  status: Generated<LineStatus>;
  tariff_id: string;
  billing_anchor_day: Generated<number>;
  next_fee_at: Timestamp | null;
  activated_at: GeneratedTimestamp;
  closed_at: Timestamp | null;
  block_reason: 'voluntary' | 'lost' | 'stolen' | 'debt' | null;
  blocked_at: Timestamp | null;
  suspended_until: Timestamp | null;
}

export interface LineOptionsTable {
  line_id: string;
  option_id: string;
  connected_at: GeneratedTimestamp;
  next_fee_at: Timestamp | null;
}

export interface BucketsTable {
  id: string;
  line_id: string;
  package_template_id: string;
  kind: PackageKindColumn;
  total: bigint;
  used: Generated<bigint>;
  period_start: Timestamp;
  period_end: Timestamp | null;
}

export interface LoginsTable {
  id: string;
  kind: 'phone' | 'contract' | 'email';
  identifier: string;
  display_name: string;
  customer_id: string | null;
  password_hash: string | null;
  locale: Generated<'ru' | 'en'>;
  login_alerts: Generated<boolean>;
  created_at: GeneratedTimestamp;
  password_changed_at: Timestamp | null;
  auto_login_access: Generated<'full' | 'partial' | 'off'>;
  recovery_email: string | null;
  recovery_phone: string | null;
}

export interface GrantsTable {
  id: string;
  login_id: string;
  line_id: string;
  role: GrantRole;
  access: AccessLevel;
  scope: Generated<string[]>;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface SessionsTable {
  id: string;
  token_hash: Buffer;
  login_id: string;
  access: AccessLevel;
  method: string;
  persistent: boolean;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthCodesTable {
  id: string;
  purpose: 'login' | 'password_reset' | 'link_line' | 'step_up';
  identifier: string;
  code_hmac: Buffer;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
  superseded_at: Timestamp | null;
  attempts: Generated<number>;
  ip: string | null;
}

export interface AuthLockoutsTable {
  identifier: string;
  failures: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: GeneratedTimestamp;
}

export interface LedgerTransfersTable {
  id: string;
  debit_account_id: string;
  credit_account_id: string;
  amount: bigint;
  kind: string;
  idempotency_key: string | null;
  line_id: string | null;
  description: Generated<string>;
  created_at: GeneratedTimestamp;
}

export interface PaymentsTable {
  id: string;
  account_id: string;
  line_id: string | null;
  source: 'card' | 'voucher' | 'transfer' | 'promised' | 'cash' | 'bank' | 'autopay';
  amount: bigint;
  status: 'pending' | 'succeeded' | 'failed' | 'refunded';
  transfer_id: string | null;
  external_id: string | null;
  idempotency_key: string | null;
  created_at: GeneratedTimestamp;
  completed_at: Timestamp | null;
}

export interface UsageRecordsTable {
  id: string;
  started_at: Timestamp;
  line_id: string;
  account_id: string;
  kind: UsageKind;
  other_party: string | null;
  volume: bigint;
  roaming_zone: string | null;
  from_package: Generated<bigint>;
  cost: Generated<bigint>;
  balance_after: bigint | null;
  transfer_id: string | null;
  rated_at: Timestamp | null;
}

export interface RequestsTable {
  id: string;
  line_id: string;
  kind: string;
  status: 'accepted' | 'in_progress' | 'done' | 'rejected';
  payload: Json<Record<string, unknown>>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  effective_at: Timestamp | null;
  login_id: string | null;
}

export interface IdempotencyKeysTable {
  key: string;
  login_id: string;
  request_hash: Buffer;
  status_code: number | null;
  response: ColumnType<unknown, string | null, string | null> | null;
  created_at: GeneratedTimestamp;
  completed_at: Timestamp | null;
}

export interface RequestEventsTable {
  id: Generated<string>;
  request_id: string;
  status: string;
  note: Generated<string>;
  at: GeneratedTimestamp;
}

export interface JournalTable {
  id: Generated<string>;
  at: GeneratedTimestamp;
  actor_kind: ActorKind;
  actor_id: string | null;
  channel: JournalChannel;
  line_id: string | null;
  login_id: string | null;
  action: string;
  outcome: Generated<'ok' | 'failed' | 'denied'>;
  details: Json<Record<string, unknown>>;
  ip: string | null;
}

export interface OutboxTable {
  id: string;
  channel: 'sms' | 'email' | 'flash';
  recipient: string;
  sender: string;
  body: string;
  kind: string;
  sensitive: Generated<boolean>;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: GeneratedTimestamp;
  created_at: GeneratedTimestamp;
  sent_at: Timestamp | null;
}

export interface VirtualPhoneMessagesTable {
  id: string;
  msisdn: string;
  channel: string;
  sender: string;
  body: string;
  received_at: GeneratedTimestamp;
}

export interface PasskeysTable {
  id: string;
  login_id: string;
  credential_id: string;
  public_key: Buffer;
  counter: Generated<bigint>;
  transports: Generated<string[]>;
  device_type: Generated<string>;
  backed_up: Generated<boolean>;
  name: string;
  created_at: GeneratedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface WebauthnChallengesTable {
  id: string;
  purpose: 'register' | 'authenticate';
  login_id: string | null;
  challenge: string;
  binding_hash: Buffer;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
}

export interface PhoneConfirmationsTable {
  id: string;
  msisdn: string;
  line_id: string | null;
  binding_hash: Buffer;
  status: Generated<'pending' | 'confirmed' | 'declined' | 'expired' | 'used'>;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  answered_at: Timestamp | null;
  ip: string | null;
}

export interface RoamingZonesTable {
  code: string;
  name_ru: string;
  name_en: string;
  countries: Generated<string[]>;
  rest_of_world: Generated<boolean>;
  archived_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface ServiceBansTable {
  code: string;
  name_ru: string;
  name_en: string;
  description_ru: Generated<string>;
  description_en: Generated<string>;
  bars: string[];
  archived_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface CatalogPriceChangesTable {
  id: Generated<bigint>;
  tariff_id: string | null;
  option_id: string | null;
  /**
   * A calendar day. Trap: node-pg turns a `date` into a Date at local midnight, a day off west of UTC — select
   * it as text (`to_char(effective_from, 'YYYY-MM-DD')`), write it as `'YYYY-MM-DD'`.
   */
  effective_from: ColumnType<Date, string, string>;
  fee: bigint | null;
  connect_fee: bigint | null;
}

export interface LineBansTable {
  line_id: string;
  ban_code: string;
  enabled_at: GeneratedTimestamp;
}

export interface LineForwardingTable {
  line_id: string;
  condition: 'unconditional' | 'busy' | 'no_answer' | 'unreachable';
  enabled: Generated<boolean>;
  target: string | null;
  delay_seconds: number | null;
  updated_at: GeneratedTimestamp;
}

export interface LineBlacklistTable {
  id: string;
  line_id: string;
  number: string;
  label: string | null;
  created_at: GeneratedTimestamp;
}

export interface SimCardsTable {
  id: string;
  line_id: string;
  kind: 'physical' | 'esim';
  status: 'pending' | 'active' | 'blocked' | 'replaced';
  iccid: string | null;
  activation_code: string | null;
  pickup_office: string | null;
  created_at: GeneratedTimestamp;
  activated_at: Timestamp | null;
}

export interface Database {
  customers: CustomersTable;
  ledger_accounts: LedgerAccountsTable;
  billing_accounts: BillingAccountsTable;
  tariffs: TariffsTable;
  options: OptionsTable;
  package_templates: PackageTemplatesTable;
  lines: LinesTable;
  line_options: LineOptionsTable;
  buckets: BucketsTable;
  logins: LoginsTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  auth_codes: AuthCodesTable;
  auth_lockouts: AuthLockoutsTable;
  ledger_transfers: LedgerTransfersTable;
  payments: PaymentsTable;
  usage_records: UsageRecordsTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  journal: JournalTable;
  outbox: OutboxTable;
  virtual_phone_messages: VirtualPhoneMessagesTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  phone_confirmations: PhoneConfirmationsTable;
  idempotency_keys: IdempotencyKeysTable;
  roaming_zones: RoamingZonesTable;
  service_bans: ServiceBansTable;
  line_bans: LineBansTable;
  line_forwarding: LineForwardingTable;
  line_blacklist: LineBlacklistTable;
  sim_cards: SimCardsTable;
  catalog_price_changes: CatalogPriceChangesTable;
}

export type Line = Selectable<LinesTable>;
export type NewJournalEntry = Insertable<JournalTable>;
