-- Delivery of the outbox to applicants: how each row ended, and the e-mails that left.
--   pending   waiting (or waiting for a retry: attempts, last_error, available_at)
--   sending   handed to the SMTP server right now (a row still 'sending' after its lease was interrupted)
--   delivered the e-mail was accepted by the SMTP server
--   skipped   nobody to tell: an internal event, no e-mail address, or e-mail off (note says which)
--   failed    refused for good or too many attempts (last_error)
-- delivered_at is set when a row leaves the queue, whatever the outcome (the pending index relies on it).
ALTER TABLE outbox
  ADD COLUMN status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'skipped', 'failed')),
  ADD COLUMN note text;

-- Events from before the worker existed are history, not news: nobody is mailed about them.
UPDATE outbox SET status = 'skipped', delivered_at = now(), note = 'Trước khi có bộ gửi thông báo' WHERE delivered_at IS NULL;

CREATE TABLE notification_emails (
  id bigserial PRIMARY KEY,
  outbox_id bigint NOT NULL UNIQUE REFERENCES outbox(id),
  dossier_code text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  message_id text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_emails_dossier_idx ON notification_emails (dossier_code);
