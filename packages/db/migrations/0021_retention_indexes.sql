-- The hourly retention job (apps/server/src/housekeeping/retention-job.ts) finds what it removes by age. Without an
-- index each run read the whole of tables that grow with every payment and message. Webhook events are only ever
-- appended, in time order: a BRIN index finds a month's old rows for almost nothing at insert time. Finished
-- messages and transfers waiting for a code are the small parts of their tables: partial indexes.
CREATE INDEX acquirer_webhook_events_received ON acquirer_webhook_events USING brin (received_at);
CREATE INDEX outbox_finished_created ON outbox (created_at) WHERE status IN ('delivered', 'failed');
CREATE INDEX mobile_transfers_awaiting_code ON mobile_transfers (code_expires_at) WHERE status = 'awaiting_code';
