-- Identity and access (issue 3): passwords and recovery contacts on logins, automatic-login level, passkeys,
-- WebAuthn challenges, and phone-confirmed logins (ACCESS-07).

ALTER TABLE logins
  ADD COLUMN password_changed_at timestamptz,
  -- ACCESS-08/09: the access level the owner grants to automatic (header-enriched) logins, or off.
  ADD COLUMN auto_login_access text NOT NULL DEFAULT 'partial' CHECK (auto_login_access IN ('full', 'partial', 'off')),
  ADD COLUMN recovery_email text CHECK (recovery_email IS NULL OR length(recovery_email) <= 254),
  ADD COLUMN recovery_phone text CHECK (recovery_phone IS NULL OR recovery_phone ~ '^\+[1-9]\d{7,14}$');

-- ACCESS-06: WebAuthn credentials. The public key and counter as @simplewebauthn returns them.
CREATE TABLE passkeys (
  id text PRIMARY KEY,
  login_id text NOT NULL REFERENCES logins (id),
  credential_id text NOT NULL UNIQUE,
  public_key bytea NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  device_type text NOT NULL DEFAULT 'singleDevice',
  backed_up boolean NOT NULL DEFAULT false,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX passkeys_login ON passkeys (login_id) WHERE revoked_at IS NULL;

-- One-use WebAuthn challenges, bound to the browser that asked (hash of a cookie nonce).
CREATE TABLE webauthn_challenges (
  id text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('register', 'authenticate')),
  login_id text REFERENCES logins (id),
  challenge text NOT NULL,
  binding_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);

-- ACCESS-07: a login the subscriber confirms from the phone ("reply 1 within 20 s"), bound to the browser.
CREATE TABLE phone_confirmations (
  id text PRIMARY KEY,
  msisdn text NOT NULL,
  line_id text REFERENCES lines (id),
  binding_hash bytea NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'declined', 'expired', 'used')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  ip inet
);
CREATE INDEX phone_confirmations_msisdn ON phone_confirmations (msisdn, created_at DESC);
