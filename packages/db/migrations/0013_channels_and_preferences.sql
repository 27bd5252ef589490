-- Issue 7, second half: USSD (CHAN-03), SMS commands (CHAN-04), notification preferences (NOTIF-01), the in-app
-- notification centre (NOTIF-03) and the virtual phone's sent messages (DEMO-02).

-- CHAN-03 `*110*0221#`: per-line channel switches set from the phone. One row per line that changed anything.
CREATE TABLE line_channel_settings (
  line_id text PRIMARY KEY REFERENCES lines (id),
  -- The subscriber banned ordering call detalization by email (DET-06 must refuse while it is true).
  email_detalization_banned boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- NOTIF-01: which event goes through which channel, per login. Absent row: the default of core/notifications.
CREATE TABLE notification_preferences (
  login_id text NOT NULL REFERENCES logins (id),
  event text NOT NULL CHECK (event IN (
    'charges', 'top_ups', 'low_balance', 'logins', 'promised_payment_due', 'report_ready', 'chat_answer'
  )),
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'in_app')),
  enabled boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (login_id, event, channel)
);

-- NOTIF-01: the address for the email channel; used only once confirmed by the code sent to it.
CREATE TABLE notification_emails (
  login_id text PRIMARY KEY REFERENCES logins (id),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
  code_hmac bytea,
  code_expires_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  confirmed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- NOTIF-03: the in-app notification centre. Stored as event + parameters and rendered when read, so the text
-- follows the language the subscriber reads in.
CREATE TABLE notifications (
  id text PRIMARY KEY,
  login_id text NOT NULL REFERENCES logins (id),
  line_id text REFERENCES lines (id),
  event text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_by_login ON notifications (login_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (login_id) WHERE read_at IS NULL;

-- DEMO-02: what the virtual phone sent (SMS commands), shown as its outbox.
CREATE TABLE virtual_phone_sent (
  id text PRIMARY KEY,
  msisdn text NOT NULL,
  recipient text NOT NULL,
  body text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX virtual_phone_sent_by_msisdn ON virtual_phone_sent (msisdn, sent_at DESC);

-- CHAN-03 + ACCESS-07: a USSD session whose first screen was the login confirmation prompt. The gateway resends
-- the whole dialogue (`text`) on each step but no state, so the session's mode is kept here: a "1" typed in the
-- `*105#` menu must never confirm a login that happened to arrive meanwhile.
CREATE TABLE ussd_prompt_sessions (
  session_id text PRIMARY KEY CHECK (length(session_id) BETWEEN 1 AND 100),
  msisdn text NOT NULL,
  prompt_id text NOT NULL REFERENCES phone_confirmations (id),
  started_at timestamptz NOT NULL DEFAULT now()
);
