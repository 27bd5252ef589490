-- Line settings (issue 4, SVC-04/06/07): service bans switched on per line, call forwarding rules, blacklist.

CREATE TABLE line_bans (
  line_id text NOT NULL REFERENCES lines (id),
  ban_code text NOT NULL REFERENCES service_bans (code),
  enabled_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (line_id, ban_code)
);

CREATE TABLE line_forwarding (
  line_id text NOT NULL REFERENCES lines (id),
  condition text NOT NULL CHECK (condition IN ('unconditional', 'busy', 'no_answer', 'unreachable')),
  enabled boolean NOT NULL DEFAULT false,
  target text CHECK (target IS NULL OR target ~ '^\+[1-9]\d{7,14}$'),
  delay_seconds smallint CHECK (delay_seconds IS NULL OR (delay_seconds BETWEEN 5 AND 30 AND delay_seconds % 5 = 0)),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (line_id, condition),
  CHECK (NOT enabled OR target IS NOT NULL)
);

CREATE TABLE line_blacklist (
  id text PRIMARY KEY,
  line_id text NOT NULL REFERENCES lines (id),
  number text NOT NULL CHECK (number ~ '^\+[1-9]\d{7,14}$'),
  label text CHECK (label IS NULL OR length(label) <= 40),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (line_id, number)
);
