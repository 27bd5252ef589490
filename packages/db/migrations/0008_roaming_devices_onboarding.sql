-- Issue 4, line extras: SVC-05 roaming switch per line, SVC-13 number port-in and new SIM orders for people who
-- are not subscribers yet. SVC-12 (device settings) needs no table: its sends are requests of kind
-- `device_settings`, and the hourly limit counts them.

-- SVC-05: international roaming of a line. No row means the default: roaming on, as Russian operators sell
-- prepaid lines (decisions/0010). The service bans (`line_bans`) bar kinds of roaming on top of this switch.
CREATE TABLE line_roaming (
  line_id text PRIMARY KEY REFERENCES lines (id),
  enabled boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- SVC-13: numbers on sale to new subscribers. "Beautiful" numbers cost extra (kopecks, paid at pickup); a number
-- is taken by at most one live order.
CREATE TABLE number_pool (
  msisdn text PRIMARY KEY CHECK (msisdn ~ '^\+7\d{10}$'),
  category text NOT NULL CHECK (category IN ('regular', 'beautiful')),
  price bigint NOT NULL DEFAULT 0 CHECK (price >= 0),
  reserved_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX number_pool_free ON number_pool (category, msisdn) WHERE reserved_by IS NULL;

-- SVC-13: an order of someone without a login: a port-in (keep your number) or a new SIM. `reference` is what
-- the person is told; found only together with `phone` (the number being moved, or the contact number).
CREATE TABLE onboarding_orders (
  id text PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('port_in', 'new_sim')),
  status text NOT NULL CHECK (status IN ('awaiting_confirmation', 'accepted', 'in_progress', 'done', 'rejected')),
  phone text NOT NULL CHECK (phone ~ '^\+[1-9]\d{7,14}$'),
  -- Port-in: the number moved to us; new SIM: the number chosen from the pool.
  msisdn text NOT NULL CHECK (msisdn ~ '^\+7\d{10}$'),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 120),
  contact text NOT NULL DEFAULT '',
  -- Donor operator, desired date, office, price: what the order page shows, per kind.
  details jsonb NOT NULL DEFAULT '{}',
  -- Port-in: the SMS code sent to the number being moved, as an HMAC; cleared once confirmed.
  code_hmac bytea,
  code_expires_at timestamptz,
  code_attempts integer NOT NULL DEFAULT 0,
  created_ip text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One live order per number: a second port-in of a number, or a pool number sold twice, is refused.
CREATE UNIQUE INDEX onboarding_orders_live_number ON onboarding_orders (msisdn)
  WHERE status IN ('awaiting_confirmation', 'accepted', 'in_progress');
CREATE INDEX onboarding_orders_phone ON onboarding_orders (phone, created_at DESC);

CREATE TABLE onboarding_order_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id text NOT NULL REFERENCES onboarding_orders (id),
  status text NOT NULL,
  note text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX onboarding_order_events_order ON onboarding_order_events (order_id, id);

-- SVC-13 anti-abuse: one row per public attempt (order, code check, lookup), counted per IP and per number in a
-- sliding window under an advisory lock. Rows older than a day are deleted as new ones come in.
CREATE TABLE onboarding_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('ip', 'number')),
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX onboarding_attempts_key ON onboarding_attempts (action, scope, key, at);
