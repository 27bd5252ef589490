-- PLAN-05 configurable tariffs: the amounts a subscriber chose with the sliders for their line. One row per line;
-- it applies while the line is on `tariff_id` (a line that moved away keeps the row as the last choice made
-- there, and it is ignored). No row: the tariff's own packages (its default choice) at its catalog fee.
CREATE TABLE line_tariff_choices (
  line_id text PRIMARY KEY REFERENCES lines (id),
  tariff_id text NOT NULL REFERENCES tariffs (id),
  -- Display units, as the slider steps of `rates.configurable` state them.
  minutes integer NOT NULL CHECK (minutes >= 0),
  gigabytes integer NOT NULL CHECK (gigabytes >= 0),
  messages integer NOT NULL CHECK (messages >= 0),
  -- The request (`req_…`) that set it: the change journal and the request list tell the rest.
  request_id text NOT NULL REFERENCES requests (id),
  chosen_at timestamptz NOT NULL
);
