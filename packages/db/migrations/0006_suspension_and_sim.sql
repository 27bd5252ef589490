-- PLAN-06 voluntary suspension and SVC-09 lost/stolen SIM block, replacement SIM and eSIM.

ALTER TABLE lines
  -- Why a line is not active: a voluntary suspension, a lost or stolen SIM, or debt (RATE-04).
  ADD COLUMN block_reason text CHECK (block_reason IS NULL OR block_reason IN ('voluntary', 'lost', 'stolen', 'debt')),
  ADD COLUMN blocked_at timestamptz,
  -- End of a voluntary suspension (exclusive); the periodic job resumes the line then.
  ADD COLUMN suspended_until timestamptz;

-- SIM cards of a line: physical or eSIM. A replacement or an eSIM starts `pending` until activated.
CREATE TABLE sim_cards (
  id text PRIMARY KEY,
  line_id text NOT NULL REFERENCES lines (id),
  kind text NOT NULL CHECK (kind IN ('physical', 'esim')),
  status text NOT NULL CHECK (status IN ('pending', 'active', 'blocked', 'replaced')),
  iccid text UNIQUE,
  -- eSIM activation code `LPA:1$<SM-DP+ address>$<matching id>`; shown to the owner only.
  activation_code text,
  pickup_office text,
  created_at timestamptz NOT NULL DEFAULT now(),
  activated_at timestamptz
);
CREATE INDEX sim_cards_line ON sim_cards (line_id, created_at DESC);
