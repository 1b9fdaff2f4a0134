-- Control and urging (issue 14, item 2): urges, staff notifications (in-app, with their e-mail), daily digests.

-- 1. An urge ("đôn đốc") of one dossier: by a leader or the supervision section (manual; a department-wide urge gives
--    one row per dossier of the batch), or automatic one working day before the legal due date and at overdue. An
--    automatic urge happens once per dossier and kind: the unique index makes the insert the claim, so several app
--    instances running the scheduler still urge once.
CREATE TABLE urges (
  id bigserial PRIMARY KEY,
  center_id uuid NOT NULL REFERENCES centers(id),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  department_id uuid REFERENCES departments(id),   -- the department holding the dossier then (null: at the center)
  kind text NOT NULL CHECK (kind IN ('manual', 'department', 'due_soon', 'overdue')),
  batch_id uuid,                                     -- the department-wide urge this row belongs to
  note text NOT NULL DEFAULT '',
  actor_id uuid REFERENCES users(id),                -- null: the scheduler
  at timestamptz NOT NULL,
  event_id bigint REFERENCES dossier_events(id)      -- the dossier's history entry
);
CREATE UNIQUE INDEX urges_automatic_once ON urges (dossier_id, kind) WHERE kind IN ('due_soon', 'overdue');
CREATE INDEX urges_dossier_idx ON urges (dossier_id, at);

-- 2. In-app notifications to staff (the console's bell), each with the e-mail copy it gets when SMTP is configured:
--      off         e-mail is not configured        no_address  the user has no e-mail address
--      pending     waiting to be sent (or retried at email_available_at)
--      sending     handed to the SMTP server now   sent / failed   how it ended
CREATE TABLE staff_notifications (
  id bigserial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  center_id uuid REFERENCES centers(id),
  kind text NOT NULL CHECK (kind IN ('urge', 'due_soon', 'overdue', 'digest')),
  title text NOT NULL,
  body text NOT NULL,
  link text,                                          -- a console path the notification opens
  dossier_code text,
  urge_id bigint REFERENCES urges(id),
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  email_to text,
  email_status text NOT NULL CHECK (email_status IN ('off', 'no_address', 'pending', 'sending', 'sent', 'failed')),
  email_attempts integer NOT NULL DEFAULT 0,
  email_available_at timestamptz,
  emailed_at timestamptz,
  email_error text
);
CREATE INDEX staff_notifications_user_idx ON staff_notifications (user_id, id DESC);
CREATE INDEX staff_notifications_unread_idx ON staff_notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX staff_notifications_mail_idx ON staff_notifications (email_available_at) WHERE email_status IN ('pending', 'sending');

-- 3. The daily digest of a department (one per department and working day): what is overdue, at risk, and untouched
--    for more than half a working day. The insert is the claim, as for the automatic urges.
CREATE TABLE department_digests (
  id bigserial PRIMARY KEY,
  center_id uuid NOT NULL REFERENCES centers(id),
  department_id uuid NOT NULL REFERENCES departments(id),
  day date NOT NULL,
  created_at timestamptz NOT NULL,
  overdue integer NOT NULL,
  at_risk integer NOT NULL,
  untouched integer NOT NULL,
  items jsonb NOT NULL,
  UNIQUE (department_id, day)
);
