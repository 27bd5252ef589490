-- Idempotent commands (issue 4 onwards): the first execution of a key stores its status and response; a replay
-- with the same key returns them; the same key with other parameters is refused. Keys are kept ≥ 24 h.
CREATE TABLE idempotency_keys (
  key text NOT NULL,
  login_id text NOT NULL REFERENCES logins (id),
  -- SHA-256 of method, path and body: the same key with different parameters is a client bug, not a replay.
  request_hash bytea NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (login_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Requests that take effect later (a tariff change from the next period) and who asked.
ALTER TABLE requests
  ADD COLUMN effective_at timestamptz,
  ADD COLUMN login_id text REFERENCES logins (id);
CREATE INDEX requests_pending ON requests (effective_at) WHERE status IN ('accepted', 'in_progress');
