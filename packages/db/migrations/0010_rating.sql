-- Rating (issue 5, RATE-01/02): API keys for the operator's mediation and other integrators. Usage records,
-- buckets and the ledger already have what a rated record keeps (0001_foundation).

-- An integrator's key: only the SHA-256 of the secret is stored (the secret is printed once, by
-- `kabinet apikey create`); `prefix` is its first characters, so logs and lists can name a key without it.
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  prefix text NOT NULL,
  key_hash bytea NOT NULL UNIQUE,
  -- What the key may do: 'usage:write' sends usage records.
  scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Usage records are the one table written at network speed (≥ 60,000 records/s, issue 5). A foreign key costs two
-- index probes per inserted row in row-level triggers; ingestion already resolves every record's line and locks
-- its account in the same transaction, and lines and accounts are closed, never deleted (decisions/0013).
ALTER TABLE usage_records DROP CONSTRAINT IF EXISTS usage_records_line_id_fkey;
ALTER TABLE usage_records DROP CONSTRAINT IF EXISTS usage_records_account_id_fkey;
