-- Issue 6, slice D — PAY-10 postpaid invoices and trust payments (docs/statements-and-invoices.md, decisions/0024).
-- Payment history and expenses (PAY-07/08) read existing tables: payments, ledger_transfers, usage_records.

-- One invoice per postpaid account and month (`YYYY-MM`, operator's zone). The unique key makes "issued exactly
-- once" a database constraint whatever the number of workers or reruns of the job. Amounts are kopecks; the
-- totals reconcile: opening_balance + payments − charges_total + other_movements = closing_balance.
CREATE TABLE invoices (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES billing_accounts (id),
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  number text NOT NULL UNIQUE,
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL CHECK (period_end > period_start),
  opening_balance bigint NOT NULL,
  -- Spending by category (calls, messages, internet, fees, content, roaming, other), kopecks per key.
  charges jsonb NOT NULL,
  charges_total bigint NOT NULL CHECK (charges_total >= 0),
  payments_total bigint NOT NULL CHECK (payments_total >= 0),
  other_movements bigint NOT NULL,
  closing_balance bigint NOT NULL,
  amount_due bigint NOT NULL CHECK (amount_due >= 0),
  credit_limit bigint NOT NULL CHECK (credit_limit >= 0),
  -- The operator's calendar date (`YYYY-MM-DD`) as text: node-pg would read a `date` as local midnight.
  due_date text NOT NULL CHECK (due_date ~ '^\d{4}-\d{2}-\d{2}$'),
  issued_at timestamptz NOT NULL,
  UNIQUE (account_id, month),
  CHECK (opening_balance + payments_total - charges_total + other_movements = closing_balance)
);
CREATE INDEX invoices_account ON invoices (account_id, month DESC);

-- Trust payments ("доверительный платёж"): a temporary raise of a postpaid account's credit limit. The raise is
-- applied to billing_accounts.credit_limit when taken and taken back when it expires (the invoice job), in the
-- same transaction as the status change, so the limit and this table never disagree. `request_key` (the
-- Idempotency-Key scope) makes taking exactly-once.
CREATE TABLE trust_payments (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES billing_accounts (id),
  line_id text NOT NULL REFERENCES lines (id),
  login_id text REFERENCES logins (id),
  request_key text NOT NULL UNIQUE,
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  amount bigint NOT NULL CHECK (amount > 0),
  base_limit bigint NOT NULL CHECK (base_limit >= 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired')),
  taken_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > taken_at),
  ended_at timestamptz,
  CHECK ((status = 'expired') = (ended_at IS NOT NULL))
);
-- At most one raise in force per account, and one per account and month (the rule "once per period").
CREATE UNIQUE INDEX trust_payments_one_active ON trust_payments (account_id) WHERE status = 'active';
CREATE UNIQUE INDEX trust_payments_once_a_month ON trust_payments (account_id, month);
-- The job's scan: raises in force by expiry.
CREATE INDEX trust_payments_expiry ON trust_payments (expires_at) WHERE status = 'active';
