-- Operator catalog (OPS-03, SVC-04, SVC-05): roaming zones, service bans and effective-dated price changes, as
-- `kabinet catalog load` writes them from a catalog file (docs/catalog.md). Additive only: existing columns stay.

-- Zones and bans are keyed by their catalog code: reloads match by it, and nothing about them is versioned, so
-- a second, generated id would only be another name for the same thing.
CREATE TABLE roaming_zones (
  code text PRIMARY KEY,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  -- ISO 3166-1 alpha-2; a country is in one zone at most (checked by the loader, across rows).
  countries text[] NOT NULL DEFAULT '{}',
  -- The zone of every country no other zone lists.
  rest_of_world boolean NOT NULL DEFAULT false,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE service_bans (
  code text PRIMARY KEY,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  description_ru text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  -- Kinds of communication barred: voice_intl, sms_intl, premium_rate, content, roaming_voice, roaming_sms,
  -- roaming_data, data, mms (core/catalog/types.ts BAN_TARGETS).
  bars text[] NOT NULL CHECK (cardinality(bars) > 0),
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A price of a tariff or option from a calendar day (operator time zone) until the next change. `tariffs.fee`
-- and `options.fee` / `connect_fee` stay the prices before the first change; a null here keeps that price.
CREATE TABLE catalog_price_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tariff_id text REFERENCES tariffs (id),
  option_id text REFERENCES options (id),
  effective_from date NOT NULL,
  fee bigint CHECK (fee >= 0),
  connect_fee bigint CHECK (connect_fee >= 0),
  CHECK ((tariff_id IS NULL) <> (option_id IS NULL)),
  CHECK (fee IS NOT NULL OR connect_fee IS NOT NULL),
  UNIQUE (tariff_id, effective_from),
  UNIQUE (option_id, effective_from)
);

-- Roaming options: the zones where they apply (codes of roaming_zones).
ALTER TABLE options ADD COLUMN roaming_zones text[] NOT NULL DEFAULT '{}';
