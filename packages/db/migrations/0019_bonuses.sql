-- Issue 6, slice E — loyalty points (BONUS-01) and the rewards catalog (BONUS-02). docs/bonuses.md,
-- docs/decisions/0025-bonus-points.md. Points are not rubles: they live in their own append-only ledger, never
-- in ledger_transfers. A reward paid in money (a balance credit) is a real ledger transfer from the operator's
-- `bonus:rewards` account.

-- The rules, in one place: a single row the operator edits (there is no admin screen yet: SQL or a console).
CREATE TABLE bonus_rules (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  -- A point per this many kopecks topped up from one of `top_up_sources` (transfers, promised payments never).
  top_up_kopecks_per_point bigint NOT NULL DEFAULT 1000 CHECK (top_up_kopecks_per_point > 0),
  top_up_sources text[] NOT NULL DEFAULT '{card,autopay,voucher,cash,bank}',
  -- A point per this many kopecks spent in a calendar month (operator time zone): debits of the subscriber
  -- account to the operator accounts listed by code (usage, fees, content).
  spending_kopecks_per_point bigint NOT NULL DEFAULT 2000 CHECK (spending_kopecks_per_point > 0),
  spending_account_codes text[] NOT NULL DEFAULT '{revenue:usage,revenue:fees,revenue:content}',
  -- Points expire this many months after they were earned, oldest spent first.
  expiry_months integer NOT NULL DEFAULT 12 CHECK (expiry_months BETWEEN 1 AND 120),
  -- "Expiring soon" on the screen: points that expire within this many days.
  expiring_soon_days integer NOT NULL DEFAULT 30 CHECK (expiring_soon_days BETWEEN 1 AND 365),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO bonus_rules (id) VALUES (1);

-- The cached points balance of a billing account, moved in the same transaction as every entry.
CREATE TABLE bonus_accounts (
  account_id text PRIMARY KEY REFERENCES billing_accounts (id),
  balance integer NOT NULL DEFAULT 0 CHECK (balance >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The points ledger: append-only, one row per movement, at most one per idempotency key.
CREATE TABLE bonus_entries (
  id text PRIMARY KEY,
  -- The order entries were appended in (several can share an instant).
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  account_id text NOT NULL REFERENCES billing_accounts (id),
  points integer NOT NULL CHECK (points <> 0),
  reason text NOT NULL CHECK (reason IN ('top_up', 'spending', 'redemption', 'expiry', 'adjustment')),
  -- What it came from: a payment id, a month `YYYY-MM`, a redemption id.
  reference text NOT NULL DEFAULT '',
  line_id text REFERENCES lines (id),
  idempotency_key text NOT NULL UNIQUE,
  -- For earned points: when they expire if not spent by then.
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((reason IN ('top_up', 'spending') AND points > 0) OR (reason IN ('redemption', 'expiry') AND points < 0)
    OR reason = 'adjustment'),
  CHECK (points < 0 OR expires_at IS NOT NULL)
);
CREATE INDEX bonus_entries_account ON bonus_entries (account_id, seq DESC);
CREATE INDEX bonus_entries_expiring ON bonus_entries (expires_at) WHERE points > 0;

-- Options that exist only to hold the packages rewards open (archived: never offered, never connected; a
-- bucket made from their template behaves like any option bucket in rating and on the dashboard).
INSERT INTO options (id, code, category, name_ru, name_en, description_ru, description_en, archived_at) VALUES
  ('opt_bonusminutes100', 'bonus-minutes-100', 'calls', 'Бонусные минуты', 'Bonus minutes',
   'Награда программы «Бонусы»', 'A reward of the Bonuses programme', now()),
  ('opt_bonusdata5gb', 'bonus-data-5gb', 'internet', 'Бонусный интернет', 'Bonus internet',
   'Награда программы «Бонусы»', 'A reward of the Bonuses programme', now());
INSERT INTO package_templates (id, option_id, kind, amount, renew, name_ru, name_en) VALUES
  ('pkg_bonusminutes100', 'opt_bonusminutes100', 'voice', 6000, 'once', 'Бонусные минуты', 'Bonus minutes'),
  ('pkg_bonusdata5gb', 'opt_bonusdata5gb', 'data', 5368709120, 'once', 'Бонусный интернет', 'Bonus internet');

-- The rewards catalog. `kind` says how a reward is applied: `package` opens a bucket of `package_template_id`
-- on the chosen line for `valid_days`; `balance_credit` credits `amount` kopecks to the chosen line's account
-- from `bonus:rewards`; `coupon` hands out one code of the partner's pool.
CREATE TABLE bonus_rewards (
  code text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('package', 'balance_credit', 'coupon')),
  cost integer NOT NULL CHECK (cost > 0),
  name_ru text NOT NULL,
  name_en text NOT NULL,
  description_ru text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  package_template_id text REFERENCES package_templates (id),
  valid_days integer CHECK (valid_days > 0),
  amount bigint CHECK (amount > 0),
  partner text,
  sort smallint NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  CHECK (kind <> 'package' OR (package_template_id IS NOT NULL AND valid_days IS NOT NULL)),
  CHECK (kind <> 'balance_credit' OR amount IS NOT NULL),
  CHECK (kind <> 'coupon' OR partner IS NOT NULL)
);
INSERT INTO bonus_rewards
  (code, kind, cost, name_ru, name_en, description_ru, description_en, package_template_id, valid_days, amount,
   partner, sort)
VALUES
  ('minutes-100', 'package', 150, '100 минут', '100 minutes',
   '100 минут звонков на номера России на 30 дней', '100 minutes of calls within Russia for 30 days',
   'pkg_bonusminutes100', 30, NULL, NULL, 1),
  ('data-5gb', 'package', 250, '5 ГБ интернета', '5 GB of internet',
   '5 ГБ мобильного интернета на 30 дней', '5 GB of mobile internet for 30 days',
   'pkg_bonusdata5gb', 30, NULL, NULL, 2),
  ('credit-100', 'balance_credit', 100, '100 ₽ на счёт', '100 ₽ to the balance',
   'Скидка: 100 ₽ зачисляются на счёт номера и идут на любые услуги',
   'A discount: 100 ₽ credited to the number’s balance, for any service', NULL, NULL, 10000, NULL, 3),
  ('partner-cinema', 'coupon', 200, 'Билет в кино −50%', 'Cinema ticket −50%',
   'Промокод партнёра «Кинопарк» на скидку 50% на один билет', 'A “Kinopark” partner code: 50% off one ticket',
   NULL, NULL, NULL, 'Кинопарк', 4),
  ('partner-coffee', 'coupon', 80, 'Кофе в подарок', 'A free coffee',
   'Промокод партнёра «Кофе Хаус» на один напиток', 'A “Coffee House” partner code for one drink',
   NULL, NULL, NULL, 'Кофе Хаус', 5);

-- Partner coupons: a pool of codes per reward, each handed out at most once.
CREATE TABLE bonus_coupons (
  id text PRIMARY KEY,
  reward_code text NOT NULL REFERENCES bonus_rewards (code),
  code text NOT NULL UNIQUE,
  redemption_id text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bonus_coupons_free ON bonus_coupons (reward_code) WHERE redemption_id IS NULL;
-- A demonstration pool (an operator loads the partners' real codes the same way).
INSERT INTO bonus_coupons (id, reward_code, code)
SELECT 'cpn_kino' || g, 'partner-cinema', 'KINO-' || upper(substr(md5('kabinet-kino-' || g), 1, 8))
FROM generate_series(1, 200) AS g;
INSERT INTO bonus_coupons (id, reward_code, code)
SELECT 'cpn_cofe' || g, 'partner-coffee', 'COFE-' || upper(substr(md5('kabinet-coffee-' || g), 1, 8))
FROM generate_series(1, 200) AS g;

-- Redemptions: what was taken, for whom, and what it gave.
CREATE TABLE bonus_redemptions (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES billing_accounts (id),
  reward_code text NOT NULL REFERENCES bonus_rewards (code),
  points integer NOT NULL CHECK (points > 0),
  line_id text NOT NULL REFERENCES lines (id),
  target_line_id text NOT NULL REFERENCES lines (id),
  login_id text REFERENCES logins (id),
  bucket_id text REFERENCES buckets (id),
  transfer_id text REFERENCES ledger_transfers (id),
  coupon_id text REFERENCES bonus_coupons (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bonus_redemptions_account ON bonus_redemptions (account_id, created_at DESC);

-- Periods the bonus job has done (the month whose spending earned points): one worker does a month once.
CREATE TABLE bonus_job_periods (
  job text NOT NULL,
  period text NOT NULL,
  accounts integer NOT NULL DEFAULT 0,
  done_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job, period)
);
