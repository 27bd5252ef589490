-- Issue 6, slice B: saved cards (tokens only), autopay rules and their runs (PAY-04), low-balance notices (PAY-09).

-- Saved cards: the acquirer's token of a card the subscriber chose to save on a card top-up. What we show is
-- brand + last 4 digits + expiry; the card number never reaches us. A removed card keeps its row (history of
-- autopayments refers to it) with `removed_at` set.
CREATE TABLE saved_cards (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES billing_accounts (id),
  login_id text REFERENCES logins (id),
  acquirer text NOT NULL,
  token text NOT NULL,
  last4 text NOT NULL CHECK (last4 ~ '^\d{4}$'),
  brand text NOT NULL,
  expires text NOT NULL CHECK (expires ~ '^\d{2}/\d{2}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  -- Saving the same token again (a replayed webhook, a second top-up with the same card) is one card.
  UNIQUE (account_id, acquirer, token)
);
CREATE INDEX saved_cards_account ON saved_cards (account_id) WHERE removed_at IS NULL;

-- Autopay rules, per line (the line's billing account is topped up): by threshold (balance below `threshold`)
-- or monthly (on `day_of_month`, clamped to the month's last day, operator time zone). `failures` counts
-- consecutive failed attempts of the current cycle; `retry_at` is when the next attempt may run; after the cap
-- the rule is paused with `paused_reason = 'failures'`. `cycle` numbers threshold top-ups; `last_period` is the
-- last month (YYYY-MM) a monthly rule finished (paid or gave up), so one month makes one autopayment.
CREATE TABLE autopays (
  id text PRIMARY KEY,
  line_id text NOT NULL REFERENCES lines (id),
  account_id text NOT NULL REFERENCES billing_accounts (id),
  kind text NOT NULL CHECK (kind IN ('threshold', 'monthly')),
  threshold bigint CHECK (threshold IS NULL OR threshold >= 0),
  day_of_month integer CHECK (day_of_month IS NULL OR day_of_month BETWEEN 1 AND 31),
  amount bigint NOT NULL CHECK (amount BETWEEN 10000 AND 1500000),
  card_id text NOT NULL REFERENCES saved_cards (id),
  daily_limit bigint CHECK (daily_limit IS NULL OR daily_limit > 0),
  monthly_limit bigint CHECK (monthly_limit IS NULL OR monthly_limit > 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  paused_reason text CHECK (paused_reason IN ('subscriber', 'failures', 'card_removed')),
  failures integer NOT NULL DEFAULT 0,
  retry_at timestamptz,
  cycle integer NOT NULL DEFAULT 0,
  last_period text,
  last_run_at timestamptz,
  last_result text CHECK (last_result IN ('succeeded', 'failed', 'pending')),
  last_failure_reason text,
  created_by text REFERENCES logins (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK ((kind = 'threshold' AND threshold IS NOT NULL AND day_of_month IS NULL)
      OR (kind = 'monthly' AND day_of_month IS NOT NULL AND threshold IS NULL))
);
CREATE INDEX autopays_line ON autopays (line_id) WHERE deleted_at IS NULL;
CREATE INDEX autopays_active ON autopays (kind) WHERE status = 'active' AND deleted_at IS NULL;

-- One attempt of an autopay = one payment. `run_key` is deterministic (rule, cycle or month, attempt), so two
-- workers or a restart computing the same due attempt insert one row; a rule has at most one attempt in flight.
CREATE TABLE autopay_runs (
  id text PRIMARY KEY,
  autopay_id text NOT NULL REFERENCES autopays (id),
  run_key text NOT NULL UNIQUE,
  payment_id text NOT NULL UNIQUE REFERENCES payments (id),
  attempt integer NOT NULL CHECK (attempt >= 1),
  -- Monthly rules: the month (YYYY-MM) this attempt pays for; null for threshold rules.
  period text,
  amount bigint NOT NULL CHECK (amount > 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  failure_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE UNIQUE INDEX autopay_runs_one_in_flight ON autopay_runs (autopay_id) WHERE status = 'pending';
CREATE INDEX autopay_runs_by_rule ON autopay_runs (autopay_id, created_at DESC);

-- PAY-09: whether the account's balance is below its low-balance threshold and was notified, so a crossing
-- makes one notice, repeated only after the balance has been back at or above the threshold.
CREATE TABLE low_balance_states (
  account_id text PRIMARY KEY REFERENCES billing_accounts (id),
  below boolean NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
