-- Feedback and complaints (phản ánh, kiến nghị; issue 14 item 5). A citizen submits from the public site with contact
-- details (personal data: never shown publicly), optionally about a dossier of the same center; staff accept, ask for
-- information, assign to a department, answer and publish, or reject with a reason. `due_at` is the deadline of the
-- current step by the center's legal clock; `version` guards concurrent clicks. Every step is a feedback_events row.
CREATE TABLE feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  center_id uuid NOT NULL REFERENCES centers(id),
  dossier_id uuid REFERENCES dossiers(id),
  contact_name text NOT NULL,
  contact_phone text,
  contact_email text,
  content text NOT NULL,
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'info_requested', 'accepted', 'assigned', 'answered', 'published', 'rejected')),
  due_at timestamptz,
  department_id uuid REFERENCES departments(id),
  answer text,
  reason text,
  published boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  -- The retention purge empties the contact details of feedback closed before its cut-off (npm run purge).
  purged_at timestamptz,
  CHECK (purged_at IS NOT NULL OR contact_phone IS NOT NULL OR contact_email IS NOT NULL),
  CHECK (published = (status = 'published'))
);
CREATE INDEX feedback_center_status ON feedback (center_id, status, due_at);
CREATE INDEX feedback_published ON feedback (center_id, published_at DESC) WHERE published;

CREATE TABLE feedback_events (
  id bigserial PRIMARY KEY,
  feedback_id uuid NOT NULL REFERENCES feedback(id),
  at timestamptz NOT NULL,
  actor_id uuid REFERENCES users(id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text,
  department_id uuid REFERENCES departments(id)
);
CREATE INDEX feedback_events_feedback ON feedback_events (feedback_id, at);
