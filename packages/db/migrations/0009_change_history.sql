-- SVC-10 history of a line's tariff and options; SVC-09 unblocking a lost SIM; SVC-08 ringback melodies.

-- SVC-10: effective-dated periods of what a line had. One row per tariff or option and the time it was on the
-- line: [valid_from, valid_to), valid_to null while it still is. The state at any instant is the rows covering
-- it; the list of changes is their starts and ends. Written by the commands that change the line, with the app
-- clock (a trigger would stamp the transaction's now(), which tests and the periodic job do not run on).
CREATE TABLE line_service_periods (
  id bigserial PRIMARY KEY,
  line_id text NOT NULL REFERENCES lines (id),
  tariff_id text REFERENCES tariffs (id),
  option_id text REFERENCES options (id),
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  CHECK ((tariff_id IS NULL) <> (option_id IS NULL)),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX line_service_periods_line ON line_service_periods (line_id, valid_from);
-- At most one current tariff and one current period per option on a line.
CREATE UNIQUE INDEX line_service_periods_open_tariff ON line_service_periods (line_id)
  WHERE valid_to IS NULL AND tariff_id IS NOT NULL;
CREATE UNIQUE INDEX line_service_periods_open_option ON line_service_periods (line_id, option_id)
  WHERE valid_to IS NULL AND option_id IS NOT NULL;

-- Backfill from the current state: the tariff since the line was activated, options since they were connected.
INSERT INTO line_service_periods (line_id, tariff_id, valid_from)
  SELECT id, tariff_id, activated_at FROM lines;
INSERT INTO line_service_periods (line_id, option_id, valid_from)
  SELECT line_id, option_id, connected_at FROM line_options;

-- SVC-09: how a lost or stolen SIM is unblocked, set by the operator (one row): `self_service` with an SMS code
-- sent to another verified contact of the subscriber (the login's recovery phone), or `office` only.
CREATE TABLE sim_unblock_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  mode text NOT NULL DEFAULT 'self_service' CHECK (mode IN ('self_service', 'office')),
  code_ttl_seconds integer NOT NULL DEFAULT 600 CHECK (code_ttl_seconds BETWEEN 60 AND 3600),
  -- Wrong codes that burn a code; and codes one line may be sent per day.
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts BETWEEN 1 AND 10),
  codes_per_day integer NOT NULL DEFAULT 5 CHECK (codes_per_day BETWEEN 1 AND 20)
);
INSERT INTO sim_unblock_settings (id) VALUES (true);

-- SVC-09: unblock codes, stored as an HMAC with the server key, bound to one line and the contact they went to.
CREATE TABLE sim_unblock_codes (
  id bigserial PRIMARY KEY,
  line_id text NOT NULL REFERENCES lines (id),
  login_id text NOT NULL REFERENCES logins (id),
  recipient text NOT NULL,
  code_hmac bytea NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- Set when used, replaced by a newer code, or burnt by too many wrong attempts.
  closed_at timestamptz
);
CREATE INDEX sim_unblock_codes_line ON sim_unblock_codes (line_id, created_at DESC);

-- SVC-08: melodies a ringback tone may play, and the one each line chose.
CREATE TABLE ringback_melodies (
  id text PRIMARY KEY,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  artist text NOT NULL,
  duration_seconds integer NOT NULL CHECK (duration_seconds > 0),
  sort_order integer NOT NULL DEFAULT 0,
  archived_at timestamptz
);
INSERT INTO ringback_melodies (id, name_ru, name_en, artist, duration_seconds, sort_order) VALUES
  ('mel_classic_bells', 'Колокольчики', 'Little bells', 'Kabinet Studio', 30, 1),
  ('mel_moonlight', 'Лунная соната', 'Moonlight Sonata', 'L. van Beethoven', 45, 2),
  ('mel_kalinka', 'Калинка', 'Kalinka', 'Folk', 30, 3),
  ('mel_spring', 'Весна', 'Spring', 'A. Vivaldi', 40, 4),
  ('mel_jazz_morning', 'Джазовое утро', 'Jazz morning', 'Kabinet Studio', 35, 5),
  ('mel_sea_waves', 'Шум прибоя', 'Sea waves', 'Nature', 30, 6);

CREATE TABLE line_ringback (
  line_id text PRIMARY KEY REFERENCES lines (id),
  melody_id text NOT NULL REFERENCES ringback_melodies (id),
  changed_at timestamptz NOT NULL
);
