-- PAY-04: a rule whose card was saved with an acquirer the operator no longer uses is paused by the autopay pass,
-- once, with the subscriber told (apps/server/src/autopay/autopay-job.ts, pauseUnchargeable).
ALTER TABLE autopays DROP CONSTRAINT autopays_paused_reason_check;
ALTER TABLE autopays ADD CONSTRAINT autopays_paused_reason_check
  CHECK (paused_reason IN ('subscriber', 'failures', 'card_removed', 'card_unusable'));
