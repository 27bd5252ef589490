-- RATE-03 periodic charges, RATE-04 balance rules, PLAN-07 inactivity (docs/jobs.md, decisions 0014/0015).

-- Every periodic charge a job made or decided not to make, one row per line, item and period. The primary key
-- makes "exactly once per period" a database constraint whatever the number of workers or restarts; the ledger
-- transfer carries the same key as its idempotency key. `item`: `tariff:<id>`, `option:<id>`, `suspension`,
-- `inactivity`.
CREATE TABLE periodic_charges (
  line_id text NOT NULL REFERENCES lines (id),
  item text NOT NULL,
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  -- charged: money moved; free: nothing due (zero fee, free days); skipped: not charged (line blocked, closed).
  outcome text NOT NULL CHECK (outcome IN ('charged', 'free', 'skipped')),
  note text NOT NULL DEFAULT '',
  transfer_id text REFERENCES ledger_transfers (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (line_id, item, period_start),
  CHECK (period_end > period_start)
);
CREATE INDEX periodic_charges_line_time ON periodic_charges (line_id, created_at DESC);

-- Operator rules, one JSON document per key; absent keys fall back to the defaults in packages/core/src/charging.
CREATE TABLE charging_rules (
  key text PRIMARY KEY CHECK (key IN ('balance', 'inactivity')),
  rules jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Funds state per billing account (RATE-04, PLAN-07): since when available funds (balance + credit limit) are
-- below zero (the grace before blocking counts from it), and since when the balance is zero or negative.
CREATE TABLE account_funds_state (
  account_id text PRIMARY KEY REFERENCES billing_accounts (id),
  out_of_funds_since timestamptz,
  non_positive_since timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_funds_state_out ON account_funds_state (out_of_funds_since)
  WHERE out_of_funds_since IS NOT NULL;

-- PLAN-07 per line: when the inactivity clock restarted (an unblock after a top-up), the closure, and the
-- number released for recycling two months later.
CREATE TABLE line_inactivity (
  line_id text PRIMARY KEY REFERENCES lines (id),
  activity_reset_at timestamptz,
  closed_at timestamptz,
  released_msisdn text,
  released_at timestamptz
);

-- Notices (warnings and applied steps) sent to a subscriber: once per line, step, kind and the instant its
-- clock started, so a rerun of the job sends nothing twice.
CREATE TABLE charging_notices (
  line_id text NOT NULL REFERENCES lines (id),
  step text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('warning', 'applied')),
  since timestamptz NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (line_id, step, kind, since)
);

-- The jobs' last runs (docs/jobs.md): what ran, when, and the last error, for operators.
CREATE TABLE job_runs (
  job text PRIMARY KEY,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text,
  runs bigint NOT NULL DEFAULT 0
);

-- A line blocked for inactivity (PLAN-07) is told apart from debt, loss and voluntary suspension.
ALTER TABLE lines DROP CONSTRAINT lines_block_reason_check;
ALTER TABLE lines ADD CONSTRAINT lines_block_reason_check
  CHECK (block_reason IS NULL OR block_reason IN ('voluntary', 'lost', 'stolen', 'debt', 'inactivity'));
-- A closed line whose number was released for recycling keeps no number.
ALTER TABLE lines DROP CONSTRAINT lines_check;
ALTER TABLE lines ADD CONSTRAINT lines_identifier_check
  CHECK (msisdn IS NOT NULL OR contract_number IS NOT NULL OR status = 'closed');

-- The charging job looks for lines and options whose next fee has come.
CREATE INDEX lines_next_fee ON lines (next_fee_at) WHERE next_fee_at IS NOT NULL;
CREATE INDEX line_options_next_fee ON line_options (next_fee_at) WHERE next_fee_at IS NOT NULL;
CREATE INDEX lines_suspended_until ON lines (suspended_until) WHERE suspended_until IS NOT NULL;
-- Calendar-renewed packages: the job looks for buckets that have ended.
CREATE INDEX buckets_period_end ON buckets (period_end) WHERE period_end IS NOT NULL;
-- Lines served again during a skipped period (unblocked, resumed early) are found by their current skipped row.
CREATE INDEX periodic_charges_skipped ON periodic_charges (period_end) WHERE outcome = 'skipped';
