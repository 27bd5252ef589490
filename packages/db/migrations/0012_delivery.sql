-- NOTIF-02 delivery: outbox statuses queued → sending → submitted → delivered | failed, a lease so a worker that
-- dies mid-send neither loses nor double-sends a message, the parts an SMS centre acknowledged (for receipts),
-- email payloads and attachments, and the emails captured for the virtual phone in demo mode.

ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
UPDATE outbox SET status = CASE status WHEN 'pending' THEN 'queued' WHEN 'sent' THEN 'delivered' ELSE status END;
ALTER TABLE outbox
  ALTER COLUMN status SET DEFAULT 'queued',
  ADD CONSTRAINT outbox_status_check CHECK (status IN ('queued', 'sending', 'submitted', 'delivered', 'failed')),
  -- Channel-specific content: for email {subject, html, attachments: [attachment ids]}.
  ADD COLUMN payload jsonb NOT NULL DEFAULT '{}',
  -- While 'sending': which worker holds the message and until when; an expired lease means the worker died.
  ADD COLUMN lease_owner text,
  ADD COLUMN lease_until timestamptz,
  -- Sends whose outcome we never learned (lease expired, link lost before the answer): at most one re-send.
  ADD COLUMN uncertain_sends integer NOT NULL DEFAULT 0 CHECK (uncertain_sends >= 0),
  ADD COLUMN submitted_at timestamptz,
  ADD COLUMN delivered_at timestamptz;

DROP INDEX outbox_pending;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_leased ON outbox (lease_until) WHERE status = 'sending';

-- The parts of a message an SMS centre accepted, by the id it returned; delivery receipts name these ids.
CREATE TABLE outbox_parts (
  message_id text NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  part integer NOT NULL CHECK (part >= 1),
  provider_id text NOT NULL,
  state text NOT NULL DEFAULT 'submitted'
    CHECK (state IN ('submitted', 'enroute', 'accepted', 'delivered', 'expired', 'deleted', 'undeliverable',
                     'unknown', 'rejected')),
  error text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, part)
);
CREATE INDEX outbox_parts_provider ON outbox_parts (provider_id);

-- Email attachments (reports), stored once with the message and read by the sender; deleted with it.
CREATE TABLE outbox_attachments (
  id text PRIMARY KEY,
  message_id text NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  content bytea NOT NULL
);
CREATE INDEX outbox_attachments_message ON outbox_attachments (message_id);

-- Demo mode without SMTP_URL: emails are captured here for the virtual phone to show (DEMO-02).
CREATE TABLE captured_emails (
  id text PRIMARY KEY,
  message_id text NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  recipient text NOT NULL,
  sender text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  -- [{id, filename, contentType, size}] — the content stays in outbox_attachments.
  attachments jsonb NOT NULL DEFAULT '[]',
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX captured_emails_recipient ON captured_emails (recipient, received_at DESC);
