-- Issue 6, slice A — card payments through the acquirer (PAY-01/02): what a card payment needs on `payments`,
-- the inbox of acquirer webhooks (deduplicated by event id), and the sandbox acquirer's own state. The sandbox
-- plays an external system: it keeps its own tables and talks to the cabinet only through its API, redirects
-- and signed webhooks, like a real acquirer would.

-- Card payments: who paid (a subscriber may top up any number, so the payer is not the line's owner), the
-- number as typed for the receipt, through which acquirer, why it failed, and which card paid (last 4 only).
ALTER TABLE payments
  ADD COLUMN payer_login_id text REFERENCES logins (id),
  ADD COLUMN msisdn text,
  ADD COLUMN acquirer text,
  ADD COLUMN confirmation_url text,
  ADD COLUMN save_card boolean NOT NULL DEFAULT false,
  ADD COLUMN failure_reason text,
  ADD COLUMN card_last4 text CHECK (card_last4 ~ '^\d{4}$'),
  ADD COLUMN card_brand text;
CREATE INDEX payments_payer ON payments (payer_login_id, created_at DESC) WHERE payer_login_id IS NOT NULL;
-- Reconciliation scans the pending card payments only: a small partial index instead of the whole table.
CREATE INDEX payments_pending_card ON payments (created_at) WHERE status = 'pending' AND source = 'card';

-- Webhooks received, one row per acquirer event id: a redelivered event finds its row and changes nothing.
CREATE TABLE acquirer_webhook_events (
  acquirer text NOT NULL,
  event_id text NOT NULL,
  type text NOT NULL,
  payment_id text,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (acquirer, event_id)
);

-- The sandbox acquirer's payments (TEST). `merchant_payment_id` is our payment id, the acquirer's idempotency
-- key: creating the same payment twice makes one. `card_kind` is the behaviour of the test card paid with;
-- `settles_at` is when a payment whose bank "timed out" is finally decided (reconciliation finds it then).
CREATE TABLE sandbox_acquirer_payments (
  id text PRIMARY KEY,
  merchant_payment_id text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('page', 'token')),
  amount bigint NOT NULL CHECK (amount > 0),
  description text NOT NULL,
  return_url text NOT NULL,
  save_card boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'waiting_for_3ds', 'succeeded', 'failed')),
  failure_reason text,
  card_kind text,
  card_last4 text,
  card_brand text,
  card_expires text,
  card_token text,
  three_ds_code text,
  settles_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Card tokens the sandbox issued (saved cards): a token remembers how its test card behaves.
CREATE TABLE sandbox_acquirer_tokens (
  token text PRIMARY KEY,
  card_kind text NOT NULL,
  last4 text NOT NULL,
  brand text NOT NULL,
  expires text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
