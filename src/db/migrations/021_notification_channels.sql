-- One outbox for e-mail, SMS and Zalo ZNS (issue 15, item 5).
--
-- The outbox rows stay what they were: one per event, written with the change that caused it. The worker now turns
-- each into messages (one per channel and recipient, by the center's switches) and marks the row 'dispatched';
-- 'skipped' keeps its meaning (nobody to tell, with the reason in note). The messages are then sent one by one.
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
  CHECK (status IN ('pending', 'sending', 'delivered', 'dispatched', 'skipped', 'failed'));

-- A message to one recipient on one channel.
--   queued     waiting to be sent (or to be retried: attempts, error, available_at)
--   sending    handed to the provider right now; still 'sending' after its lease = interrupted, never resent
--   sent       accepted by the provider (SMTP server, SMS gateway, Zalo), with its reference
--   delivered  the provider reported delivery to the phone (eSMS callback, Zalo user_received_message, webhook report)
--   failed     refused for good, too many attempts, interrupted, or reported undelivered (error)
-- event_key + channel + recipient is unique (notification_messages_once): an event is never sent twice to the same person on the same channel,
-- whichever worker instance, retry or fallback gets there.
CREATE TABLE notification_messages (
  id bigserial PRIMARY KEY,
  -- Our reference at the provider (eSMS RequestId, Zalo tracking_id, the webhook's ref): random, 32 hex digits.
  ref text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text, '-', ''),
  event_key text NOT NULL,
  event text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'zalo')),
  recipient text NOT NULL,
  center_id uuid REFERENCES centers(id),
  dossier_id uuid REFERENCES dossiers(id),
  ticket_id uuid REFERENCES queue_tickets(id),
  outbox_id bigint REFERENCES outbox(id),
  subject text,
  body text NOT NULL,
  html text,
  -- SMS: the sender name; Zalo: the template and its parameters.
  brandname text,
  template_id text,
  template_data jsonb,
  -- A Zalo message whose failure sends the SMS (body) instead; the SMS names the Zalo message it replaces.
  sms_fallback boolean NOT NULL DEFAULT false,
  fallback_of bigint REFERENCES notification_messages(id),
  segments integer,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed')),
  provider text,
  provider_ref text,
  attempts integer NOT NULL DEFAULT 0,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  delivered_at timestamptz,
  failed_at timestamptz
);
-- Partial: the retention purge empties the recipient of old messages (several of one event may then be '').
CREATE UNIQUE INDEX notification_messages_once ON notification_messages (event_key, channel, recipient) WHERE recipient <> '';
CREATE INDEX notification_messages_due_idx ON notification_messages (available_at) WHERE status IN ('queued', 'sending');
CREATE INDEX notification_messages_dossier_idx ON notification_messages (dossier_id, id) WHERE dossier_id IS NOT NULL;
CREATE INDEX notification_messages_provider_ref_idx ON notification_messages (provider, provider_ref) WHERE provider_ref IS NOT NULL;
CREATE INDEX notification_messages_recipient_idx ON notification_messages (recipient, created_at);

-- The e-mails sent before this migration become the first messages (accepted by the SMTP server: 'sent').
INSERT INTO notification_messages (event_key, event, channel, recipient, center_id, dossier_id, outbox_id, subject, body, status, provider, provider_ref, attempts, created_at, sent_at)
SELECT 'outbox:' || e.outbox_id,
       CASE o.topic WHEN 'dossier.registered' THEN 'received' WHEN 'dossier.receive' THEN 'received' WHEN 'dossier.request-supplement' THEN 'supplement_requested'
         WHEN 'dossier.request-supplement-by-department' THEN 'supplement_requested' WHEN 'dossier.extend' THEN 'extended' WHEN 'dossier.resolve' THEN 'result_ready'
         WHEN 'dossier.reject' THEN 'rejected' WHEN 'dossier.return' THEN 'returned' ELSE o.topic END,
       'email', e.recipient, d.center_id, d.id, e.outbox_id, e.subject, e.subject, 'sent', 'smtp', e.message_id, greatest(o.attempts, 1), e.sent_at, e.sent_at
  FROM notification_emails e JOIN outbox o ON o.id = e.outbox_id LEFT JOIN dossiers d ON d.code = e.dossier_code;
DROP TABLE notification_emails;

-- Per center: whom SMS goes to, and the sender name.
--   all      every applicant with a mobile number (and any number ordered with the SMS service)
--   ordered  only the numbers given when the SMS service was ordered at the counter (fees module)
CREATE TABLE notification_center_settings (
  center_id uuid PRIMARY KEY REFERENCES centers(id),
  sms_policy text NOT NULL DEFAULT 'all' CHECK (sms_policy IN ('all', 'ordered')),
  brandname text,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Per center and event: the switch of each channel, the center's own SMS text (null: the default in the code) and
-- the Zalo ZNS template registered for the event. No row: the defaults of modules/notifications/domain/events.ts.
CREATE TABLE notification_event_settings (
  center_id uuid NOT NULL REFERENCES centers(id),
  event text NOT NULL,
  email boolean NOT NULL,
  sms boolean NOT NULL,
  zalo boolean NOT NULL,
  sms_template text,
  zalo_template_id text,
  PRIMARY KEY (center_id, event)
);

-- "Sắp đến lượt": when the kiosk ticket's message was queued (once per ticket).
ALTER TABLE queue_tickets ADD COLUMN turn_near_at timestamptz;

-- A row the previous worker left mid-send (its process died) may have left: it is closed, never sent again.
UPDATE outbox SET status = 'failed', delivered_at = now(), last_error = 'Việc gửi bị gián đoạn giữa chừng; không gửi lại để tránh gửi trùng.'
 WHERE status = 'sending' AND delivered_at IS NULL;
