-- Kabinet foundations: who (customers, logins, grants), what (accounts, lines, catalog, buckets),
-- money (double-entry ledger, payments), usage (partitioned by month), and the trail (journal, requests, outbox).
-- Ids are text with a kind prefix (line_…, acc_…); money is bigint kopecks; instants are timestamptz.

-- Customers: a person or a company. Billing accounts and lines hang off a customer.
CREATE TABLE customers (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('person', 'company')),
  display_name text NOT NULL,
  inn text CHECK (inn ~ '^\d{10}(\d{2})?$'),
  email text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Ledger accounts: every subscriber account, and the operator's own (revenue by category, acquirer clearing,
-- promised-payment credit, bonus liability …). `balance` is a cache of the transfers, updated in the same
-- transaction; `kabinet ledger verify` (and a test) proves it equals the sum. Sign convention: balance =
-- credits − debits, so a subscriber's money (a liability of the operator) is positive when they have funds.
CREATE TABLE ledger_accounts (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('subscriber', 'revenue', 'clearing', 'credit', 'bonus', 'equity')),
  name text NOT NULL,
  balance bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Billing account ("лицевой счёт"): prepaid or postpaid, with a credit limit; owns one subscriber ledger account.
CREATE TABLE billing_accounts (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  number text NOT NULL UNIQUE,
  payment_type text NOT NULL CHECK (payment_type IN ('prepaid', 'postpaid')),
  currency text NOT NULL DEFAULT 'RUB' CHECK (currency = 'RUB'),
  credit_limit bigint NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
  low_balance_threshold bigint,
  ledger_account_id text NOT NULL UNIQUE REFERENCES ledger_accounts (id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_accounts_customer ON billing_accounts (customer_id);

-- Catalog: tariffs and options. Prices outside packages and rounding rules live in `rates` (JSON, validated by
-- the catalog loader), versioned by effective dates in later migrations.
CREATE TABLE tariffs (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  line_kind text NOT NULL DEFAULT 'mobile' CHECK (line_kind IN ('mobile', 'home_internet', 'tv', 'home_phone')),
  name_ru text NOT NULL,
  name_en text NOT NULL,
  description_ru text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  fee bigint NOT NULL CHECK (fee >= 0),
  fee_period text NOT NULL CHECK (fee_period IN ('day', 'month')),
  rates jsonb NOT NULL DEFAULT '{}',
  is_public boolean NOT NULL DEFAULT true,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE options (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  category text NOT NULL CHECK (category IN ('internet', 'calls', 'roaming', 'messages', 'extra', 'content')),
  name_ru text NOT NULL,
  name_en text NOT NULL,
  description_ru text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  connect_fee bigint NOT NULL DEFAULT 0 CHECK (connect_fee >= 0),
  fee bigint NOT NULL DEFAULT 0 CHECK (fee >= 0),
  fee_period text CHECK (fee_period IN ('day', 'month')),
  short_number text,
  requires_tariffs text[] NOT NULL DEFAULT '{}',
  excludes_options text[] NOT NULL DEFAULT '{}',
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Packages included in a tariff or added by an option. Amounts in network units: voice seconds, SMS messages,
-- data bytes. `renew` says when a bucket made from it is refilled.
CREATE TABLE package_templates (
  id text PRIMARY KEY,
  tariff_id text REFERENCES tariffs (id),
  option_id text REFERENCES options (id),
  kind text NOT NULL CHECK (kind IN ('voice', 'sms', 'data')),
  amount bigint NOT NULL CHECK (amount > 0),
  renew text NOT NULL CHECK (renew IN ('fee_period', 'day', 'month', 'once')),
  name_ru text NOT NULL,
  name_en text NOT NULL,
  CHECK ((tariff_id IS NULL) <> (option_id IS NULL))
);
CREATE INDEX package_templates_tariff ON package_templates (tariff_id);
CREATE INDEX package_templates_option ON package_templates (option_id);

-- Lines: a mobile number or a home-service contract. Status changes are journaled.
CREATE TABLE lines (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES billing_accounts (id),
  kind text NOT NULL CHECK (kind IN ('mobile', 'home_internet', 'tv', 'home_phone')),
  msisdn text UNIQUE CHECK (msisdn ~ '^\+[1-9]\d{7,14}$'),
  contract_number text UNIQUE,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked', 'suspended', 'closed')),
  tariff_id text NOT NULL REFERENCES tariffs (id),
  -- Day of month the monthly fees fall on (operator time zone); daily fees fall at midnight.
  billing_anchor_day smallint NOT NULL DEFAULT 1 CHECK (billing_anchor_day BETWEEN 1 AND 31),
  next_fee_at timestamptz,
  activated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  CHECK (msisdn IS NOT NULL OR contract_number IS NOT NULL)
);
CREATE INDEX lines_account ON lines (account_id);

CREATE TABLE line_options (
  line_id text NOT NULL REFERENCES lines (id),
  option_id text NOT NULL REFERENCES options (id),
  connected_at timestamptz NOT NULL DEFAULT now(),
  next_fee_at timestamptz,
  PRIMARY KEY (line_id, option_id)
);

-- Buckets: what is left of a package on a line for one period.
CREATE TABLE buckets (
  id text PRIMARY KEY,
  line_id text NOT NULL REFERENCES lines (id),
  package_template_id text NOT NULL REFERENCES package_templates (id),
  kind text NOT NULL CHECK (kind IN ('voice', 'sms', 'data')),
  total bigint NOT NULL CHECK (total >= 0),
  used bigint NOT NULL DEFAULT 0 CHECK (used >= 0),
  period_start timestamptz NOT NULL,
  period_end timestamptz,
  UNIQUE (line_id, package_template_id, period_start)
);
CREATE INDEX buckets_line_current ON buckets (line_id, period_end);

-- Logins are not lines: a login (a phone, a contract number, an agent's email) reaches lines through grants.
CREATE TABLE logins (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('phone', 'contract', 'email')),
  identifier text NOT NULL,
  display_name text NOT NULL,
  customer_id text REFERENCES customers (id),
  password_hash text,
  locale text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en')),
  login_alerts boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, identifier)
);

CREATE TABLE grants (
  id text PRIMARY KEY,
  login_id text NOT NULL REFERENCES logins (id),
  line_id text NOT NULL REFERENCES lines (id),
  role text NOT NULL CHECK (role IN ('owner', 'linked', 'child', 'delegate')),
  access text NOT NULL CHECK (access IN ('full', 'partial')),
  scope text[] NOT NULL DEFAULT '{}',
  expires_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX grants_live ON grants (login_id, line_id) WHERE revoked_at IS NULL;
CREATE INDEX grants_line ON grants (line_id);

-- Sessions: only the SHA-256 of the opaque token is stored. Idle and absolute expiry are enforced on read.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  token_hash bytea NOT NULL UNIQUE,
  login_id text NOT NULL REFERENCES logins (id),
  access text NOT NULL CHECK (access IN ('full', 'partial')),
  method text NOT NULL,
  persistent boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip inet,
  user_agent text
);
CREATE INDEX sessions_login ON sessions (login_id) WHERE revoked_at IS NULL;

-- One-time codes: stored as an HMAC with the server key, bound to a purpose; a new code supersedes the old.
CREATE TABLE auth_codes (
  id text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('login', 'password_reset', 'link_line', 'step_up')),
  identifier text NOT NULL,
  code_hmac bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz,
  superseded_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  ip inet
);
CREATE INDEX auth_codes_live ON auth_codes (identifier, purpose, created_at DESC);

-- Brute-force state per identifier (ACCESS-04): consecutive failures and the lock's end, updated atomically.
CREATE TABLE auth_lockouts (
  identifier text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Transfers: immutable double-entry postings. `idempotency_key` makes a replayed request a no-op.
CREATE TABLE ledger_transfers (
  id text PRIMARY KEY,
  debit_account_id text NOT NULL REFERENCES ledger_accounts (id),
  credit_account_id text NOT NULL REFERENCES ledger_accounts (id),
  amount bigint NOT NULL CHECK (amount > 0),
  kind text NOT NULL,
  idempotency_key text UNIQUE,
  line_id text REFERENCES lines (id),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (debit_account_id <> credit_account_id)
);
CREATE INDEX ledger_transfers_debit ON ledger_transfers (debit_account_id, created_at);
CREATE INDEX ledger_transfers_credit ON ledger_transfers (credit_account_id, created_at);

-- Payments: top-ups from any source, each credited by exactly one transfer once it succeeds.
CREATE TABLE payments (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES billing_accounts (id),
  line_id text REFERENCES lines (id),
  source text NOT NULL CHECK (source IN ('card', 'voucher', 'transfer', 'promised', 'cash', 'bank', 'autopay')),
  amount bigint NOT NULL CHECK (amount > 0),
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded')),
  transfer_id text REFERENCES ledger_transfers (id),
  external_id text,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX payments_account ON payments (account_id, created_at DESC);

-- Usage records (CDRs): the big table, partitioned by month of the event. The network's record id plus the
-- event time is the key, so ingesting the same record twice is a no-op (a resent record keeps its time).
CREATE TABLE usage_records (
  id text NOT NULL,
  started_at timestamptz NOT NULL,
  line_id text NOT NULL REFERENCES lines (id),
  account_id text NOT NULL REFERENCES billing_accounts (id),
  kind text NOT NULL CHECK (kind IN ('voice_out', 'voice_in', 'sms_out', 'sms_in', 'mms_out', 'mms_in', 'data')),
  other_party text,
  volume bigint NOT NULL CHECK (volume >= 0),
  roaming_zone text,
  from_package bigint NOT NULL DEFAULT 0,
  cost bigint NOT NULL DEFAULT 0 CHECK (cost >= 0),
  balance_after bigint,
  transfer_id text,
  rated_at timestamptz,
  PRIMARY KEY (id, started_at)
) PARTITION BY RANGE (started_at);
CREATE INDEX usage_records_line_time ON usage_records (line_id, started_at);
CREATE TABLE usage_records_default PARTITION OF usage_records DEFAULT;

-- Creates the month partition holding `at` (UTC month bounds), if missing. Called by ingestion and seeding.
CREATE FUNCTION ensure_usage_partition(at timestamptz) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  month_start timestamptz := date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  name text := 'usage_records_' || to_char(at AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
  IF to_regclass(name) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF usage_records FOR VALUES FROM (%L) TO (%L)',
      name, month_start, month_start + interval '1 month');
  END IF;
  RETURN name;
END $$;

-- Requests ("История заявок"): every order with status and a time line of events.
CREATE TABLE requests (
  id text PRIMARY KEY,
  line_id text NOT NULL REFERENCES lines (id),
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('accepted', 'in_progress', 'done', 'rejected')),
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX requests_line ON requests (line_id, created_at DESC);

CREATE TABLE request_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id text NOT NULL REFERENCES requests (id),
  status text NOT NULL,
  note text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT now()
);

-- Operations journal (ACCESS-12): append-only. Who did what, through which channel, to which line.
CREATE TABLE journal (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL CHECK (actor_kind IN ('subscriber', 'agent', 'admin', 'system', 'integration', 'anonymous')),
  actor_id text,
  channel text NOT NULL CHECK (channel IN ('web', 'api', 'ussd', 'sms', 'console', 'system')),
  line_id text REFERENCES lines (id),
  login_id text REFERENCES logins (id),
  action text NOT NULL,
  outcome text NOT NULL DEFAULT 'ok' CHECK (outcome IN ('ok', 'failed', 'denied')),
  details jsonb NOT NULL DEFAULT '{}',
  ip inet
);
CREATE INDEX journal_line_time ON journal (line_id, at DESC);
CREATE INDEX journal_login_time ON journal (login_id, at DESC);

-- Outbox: every message to send, written in the same transaction as its cause; a dispatcher delivers it.
CREATE TABLE outbox (
  id text PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'flash')),
  recipient text NOT NULL,
  sender text NOT NULL,
  body text NOT NULL,
  kind text NOT NULL,
  sensitive boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';

-- The virtual phone (demo mode): what the in-process SMS/email transport "delivered" to a number.
CREATE TABLE virtual_phone_messages (
  id text PRIMARY KEY,
  msisdn text NOT NULL,
  channel text NOT NULL,
  sender text NOT NULL,
  body text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX virtual_phone_messages_msisdn ON virtual_phone_messages (msisdn, received_at DESC);

-- Append-only guards: the journal and ledger transfers are never updated or deleted.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER ledger_transfers_append_only BEFORE UPDATE OR DELETE ON ledger_transfers
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
