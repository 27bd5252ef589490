/**
 * Row types of the tables in `migrations/`, for Kysely. Written by hand next to the SQL; the migration test
 * checks that every table here exists. `Generated<T>` marks columns with a database default.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AutopayTables } from './schema-money/autopay.ts';
import type { BonusTables } from './schema-money/bonuses.ts';
import type { PaymentsTables } from './schema-money/payments.ts';
import type { PromisedTables } from './schema-money/promised.ts';
import type { StatementsTables } from './schema-money/statements.ts';
import type { TransfersTables } from './schema-money/transfers.ts';

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
  block_reason: 'voluntary' | 'lost' | 'stolen' | 'debt' | 'inactivity' | null;
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
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: GeneratedTimestamp;
  created_at: GeneratedTimestamp;
  sent_at: Timestamp | null;
  /** Channel-specific content; for email `{ subject, html?, attachments?: string[] }` (0012). */
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  uncertain_sends: Generated<number>;
  submitted_at: Timestamp | null;
  delivered_at: Timestamp | null;
}

/** NOTIF-02 delivery status of an outbox message (0012_delivery). */
export type OutboxStatus = 'queued' | 'sending' | 'submitted' | 'delivered' | 'failed';

export interface OutboxPartsTable {
  message_id: string;
  part: number;
  provider_id: string;
  state: Generated<string>;
  error: string | null;
  updated_at: GeneratedTimestamp;
}

export interface OutboxAttachmentsTable {
  id: string;
  message_id: string;
  filename: string;
  content_type: string;
  content: Buffer;
}

export interface CapturedEmailsTable {
  id: string;
  message_id: string;
  recipient: string;
  sender: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: ColumnType<
    Array<{ id: string; filename: string; contentType: string; size: number }>,
    string | undefined,
    string
  >;
  received_at: GeneratedTimestamp;
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

export interface LineChannelSettingsTable {
  line_id: string;
  email_detalization_banned: Generated<boolean>;
  updated_at: GeneratedTimestamp;
}

export interface NotificationPreferencesTable {
  login_id: string;
  event: string;
  channel: 'sms' | 'email' | 'in_app';
  enabled: boolean;
  updated_at: GeneratedTimestamp;
}

export interface NotificationEmailsTable {
  login_id: string;
  email: string;
  code_hmac: Buffer | null;
  code_expires_at: Timestamp | null;
  attempts: Generated<number>;
  confirmed_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface NotificationsTable {
  id: string;
  login_id: string;
  line_id: string | null;
  event: string;
  params: Json<Record<string, string | number>>;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
}

export interface UssdPromptSessionsTable {
  session_id: string;
  msisdn: string;
  prompt_id: string;
  started_at: GeneratedTimestamp;
}

export interface VirtualPhoneSentTable {
  id: string;
  msisdn: string;
  recipient: string;
  body: string;
  sent_at: GeneratedTimestamp;
}

/** SVC-10: a period a tariff or an option was on a line, [valid_from, valid_to). */
export interface LineServicePeriodsTable {
  id: Generated<bigint>;
  line_id: string;
  tariff_id: string | null;
  option_id: string | null;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
}

/** SVC-09: how a lost SIM is unblocked (one row, set by the operator). */
export interface SimUnblockSettingsTable {
  id: Generated<boolean>;
  mode: Generated<'self_service' | 'office'>;
  code_ttl_seconds: Generated<number>;
  max_attempts: Generated<number>;
  codes_per_day: Generated<number>;
}

/** SVC-09: an unblock code sent to the subscriber's other contact, stored as an HMAC. */
export interface SimUnblockCodesTable {
  id: Generated<bigint>;
  line_id: string;
  login_id: string;
  recipient: string;
  code_hmac: Buffer;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  closed_at: Timestamp | null;
}

/** SVC-08: a ringback melody of the catalog. */
export interface RingbackMelodiesTable {
  id: string;
  name_ru: string;
  name_en: string;
  artist: string;
  duration_seconds: number;
  sort_order: Generated<number>;
  archived_at: Timestamp | null;
}

/** SVC-08: the melody a line's ringback tone plays. */
export interface LineRingbackTable {
  line_id: string;
  melody_id: string;
  changed_at: Timestamp;
}

export interface LineRoamingTable {
  line_id: string;
  enabled: boolean;
  updated_at: GeneratedTimestamp;
}

export interface NumberPoolTable {
  msisdn: string;
  category: 'regular' | 'beautiful';
  price: Generated<bigint>;
  reserved_by: string | null;
  created_at: GeneratedTimestamp;
}

export type OnboardingOrderStatus =
  | 'awaiting_confirmation'
  | 'accepted'
  | 'in_progress'
  | 'done'
  | 'rejected';

export interface OnboardingOrdersTable {
  id: string;
  reference: string;
  kind: 'port_in' | 'new_sim';
  status: OnboardingOrderStatus;
  phone: string;
  msisdn: string;
  full_name: string;
  contact: Generated<string>;
  details: Json<Record<string, unknown>>;
  code_hmac: Buffer | null;
  code_expires_at: Timestamp | null;
  code_attempts: Generated<number>;
  created_ip: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface OnboardingOrderEventsTable {
  id: Generated<string>;
  order_id: string;
  status: string;
  note: Generated<string>;
  at: GeneratedTimestamp;
}

export interface OnboardingAttemptsTable {
  id: Generated<string>;
  action: string;
  scope: 'ip' | 'number';
  key: string;
  at: GeneratedTimestamp;
}

/** RATE-03: one periodic charge (or its decision not to charge) per line, item and period. */
export interface PeriodicChargesTable {
  line_id: string;
  /** `tariff:<id>`, `option:<id>`, `suspension`, `inactivity`. */
  item: string;
  period_start: Timestamp;
  period_end: Timestamp;
  amount: bigint;
  outcome: 'charged' | 'free' | 'skipped';
  note: Generated<string>;
  transfer_id: string | null;
  created_at: GeneratedTimestamp;
}

export interface ChargingRulesTable {
  key: 'balance' | 'inactivity';
  rules: Json<Record<string, unknown>>;
  updated_at: GeneratedTimestamp;
}

export interface AccountFundsStateTable {
  account_id: string;
  out_of_funds_since: Timestamp | null;
  non_positive_since: Timestamp | null;
  updated_at: GeneratedTimestamp;
}

export interface LineInactivityTable {
  line_id: string;
  activity_reset_at: Timestamp | null;
  closed_at: Timestamp | null;
  released_msisdn: string | null;
  released_at: Timestamp | null;
}

export interface ChargingNoticesTable {
  line_id: string;
  step: string;
  kind: 'warning' | 'applied';
  since: Timestamp;
  sent_at: Timestamp;
}

/** PLAN-05: the amounts a line's subscriber chose on a configurable tariff (migration 0007). */
export interface LineTariffChoicesTable {
  line_id: string;
  /** The choice applies while the line is on this tariff. */
  tariff_id: string;
  minutes: number;
  gigabytes: number;
  messages: number;
  request_id: string;
  chosen_at: Timestamp;
}

export interface JobRunsTable {
  job: string;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
  runs: Generated<bigint>;
}

/** RATE-01: an integrator's API key; only the SHA-256 of the secret is kept. */
export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  key_hash: Buffer;
  scopes: string[];
  created_at: GeneratedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface Database
  extends PaymentsTables,
    TransfersTables,
    PromisedTables,
    AutopayTables,
    StatementsTables,
    BonusTables {
  customers: CustomersTable;
  ledger_accounts: LedgerAccountsTable;
  billing_accounts: BillingAccountsTable;
  tariffs: TariffsTable;
  options: OptionsTable;
  package_templates: PackageTemplatesTable;
  lines: LinesTable;
  line_options: LineOptionsTable;
  line_tariff_choices: LineTariffChoicesTable;
  buckets: BucketsTable;
  logins: LoginsTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  auth_codes: AuthCodesTable;
  auth_lockouts: AuthLockoutsTable;
  ledger_transfers: LedgerTransfersTable;
  payments: PaymentsTable;
  usage_records: UsageRecordsTable;
  api_keys: ApiKeysTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  journal: JournalTable;
  outbox: OutboxTable;
  outbox_parts: OutboxPartsTable;
  outbox_attachments: OutboxAttachmentsTable;
  captured_emails: CapturedEmailsTable;
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
  line_service_periods: LineServicePeriodsTable;
  sim_unblock_settings: SimUnblockSettingsTable;
  sim_unblock_codes: SimUnblockCodesTable;
  ringback_melodies: RingbackMelodiesTable;
  line_ringback: LineRingbackTable;
  catalog_price_changes: CatalogPriceChangesTable;
  line_channel_settings: LineChannelSettingsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_emails: NotificationEmailsTable;
  notifications: NotificationsTable;
  virtual_phone_sent: VirtualPhoneSentTable;
  line_roaming: LineRoamingTable;
  number_pool: NumberPoolTable;
  onboarding_orders: OnboardingOrdersTable;
  onboarding_order_events: OnboardingOrderEventsTable;
  onboarding_attempts: OnboardingAttemptsTable;
  ussd_prompt_sessions: UssdPromptSessionsTable;
  periodic_charges: PeriodicChargesTable;
  charging_rules: ChargingRulesTable;
  account_funds_state: AccountFundsStateTable;
  line_inactivity: LineInactivityTable;
  charging_notices: ChargingNoticesTable;
  job_runs: JobRunsTable;
}

export type Line = Selectable<LinesTable>;
export type NewJournalEntry = Insertable<JournalTable>;
