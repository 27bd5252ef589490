-- Issue 6, slice VT — prepaid vouchers (PAY-03) and mobile transfers between numbers (PAY-06).

-- Vouchers (scratch cards). The code itself is never stored: only its HMAC with the server secret, so a copy of
-- the database cannot redeem anything. The serial number is printed on the card and is what an office quotes.
-- A redeemed voucher points at the payment that credited it (exactly one, enforced by the CHECK).
CREATE SEQUENCE voucher_serial_seq START 100001;
CREATE TABLE vouchers (
  id text PRIMARY KEY,
  serial text NOT NULL UNIQUE,
  code_hmac bytea NOT NULL UNIQUE,
  amount bigint NOT NULL CHECK (amount > 0),
  batch text NOT NULL,
  expires_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'redeemed', 'cancelled')),
  payment_id text UNIQUE REFERENCES payments (id),
  redeemed_by_login_id text REFERENCES logins (id),
  redeemed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'redeemed') = (payment_id IS NOT NULL))
);
CREATE INDEX vouchers_batch ON vouchers (batch, serial);

-- Wrong voucher codes (brute-force limit): counted per login and per client address over the last hour.
CREATE TABLE voucher_attempts (
  id bigserial PRIMARY KEY,
  login_id text NOT NULL REFERENCES logins (id),
  ip inet,
  at timestamptz NOT NULL
);
CREATE INDEX voucher_attempts_login ON voucher_attempts (login_id, at DESC);
CREATE INDEX voucher_attempts_ip ON voucher_attempts (ip, at DESC);

-- Mobile transfers: created awaiting the SMS code (stored as an HMAC, bound to this transfer), completed once by
-- two ledger transfers (amount to the recipient, fee to revenue). `failed` after too many wrong codes.
CREATE TABLE mobile_transfers (
  id text PRIMARY KEY,
  login_id text NOT NULL REFERENCES logins (id),
  from_line_id text NOT NULL REFERENCES lines (id),
  from_account_id text NOT NULL REFERENCES billing_accounts (id),
  to_line_id text NOT NULL REFERENCES lines (id),
  to_account_id text NOT NULL REFERENCES billing_accounts (id),
  to_msisdn text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  fee bigint NOT NULL CHECK (fee >= 0),
  status text NOT NULL DEFAULT 'awaiting_code' CHECK (status IN ('awaiting_code', 'completed', 'failed')),
  code_hmac bytea NOT NULL,
  code_expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  amount_transfer_id text REFERENCES ledger_transfers (id),
  fee_transfer_id text REFERENCES ledger_transfers (id),
  payment_id text REFERENCES payments (id),
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  CHECK (from_account_id <> to_account_id),
  CHECK ((status = 'completed') = (amount_transfer_id IS NOT NULL))
);
-- Limits sum the sender's completed transfers of the day and of the month.
CREATE INDEX mobile_transfers_sender ON mobile_transfers (from_line_id, completed_at) WHERE status = 'completed';
CREATE INDEX mobile_transfers_recent ON mobile_transfers (from_line_id, created_at DESC);
