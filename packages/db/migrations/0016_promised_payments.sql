-- Issue 6, slice P — PAY-05 promised payments ("Обещанный платёж"): money lent to a prepaid account at once and
-- debited back automatically when due (docs/promised-payment.md, decisions/0022).

-- The operator's rules, one JSON document (snake_case, docs/promised-payment.md); no row or a missing field keeps
-- the defaults of packages/core/src/promised/rules.ts. One row at most.
CREATE TABLE promised_payment_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  rules jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One promised payment of an account (the balance is the account's, so the "no unpaid one" rule is too).
-- `request_key` makes taking exactly-once: the web's Idempotency-Key scope or the USSD session.
CREATE TABLE promised_payments (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES billing_accounts (id),
  line_id text NOT NULL REFERENCES lines (id),
  login_id text REFERENCES logins (id),
  channel text NOT NULL CHECK (channel IN ('web', 'ussd')),
  request_key text NOT NULL UNIQUE,
  amount bigint NOT NULL CHECK (amount > 0),
  fee bigint NOT NULL CHECK (fee >= 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'repaid')),
  taken_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL CHECK (due_at > taken_at),
  reminded_at timestamptz,
  repaid_at timestamptz,
  credit_transfer_id text NOT NULL REFERENCES ledger_transfers (id),
  fee_transfer_id text REFERENCES ledger_transfers (id),
  repay_transfer_id text REFERENCES ledger_transfers (id),
  request_id text REFERENCES requests (id),
  CHECK ((status = 'repaid') = (repaid_at IS NOT NULL AND repay_transfer_id IS NOT NULL))
);
-- At most one unpaid promised payment per account: the rule, and the dashboard's one-probe lookup.
CREATE UNIQUE INDEX promised_payments_one_active ON promised_payments (account_id) WHERE status = 'active';
-- The job's scan: the unpaid ones by due time.
CREATE INDEX promised_payments_due ON promised_payments (due_at) WHERE status = 'active';
CREATE INDEX promised_payments_line ON promised_payments (line_id, taken_at);
