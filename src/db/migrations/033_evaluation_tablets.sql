-- Evaluation tablets at the return counters (issue 14 item 4): paired like the queue kiosks (a key shown once, only
-- its SHA-256 kept) and bound to one counter. The clerk pushes the dossier just returned to the counter's tablet
-- (evaluation_id), the tablet shows its questions, records the answers once and clears it.
CREATE TABLE evaluation_tablets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  counter_id uuid NOT NULL REFERENCES counters(id),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz,
  revoked_at timestamptz,
  evaluation_id uuid REFERENCES evaluations(id),
  pushed_at timestamptz,
  pushed_by uuid REFERENCES users(id)
);
CREATE INDEX evaluation_tablets_counter ON evaluation_tablets (counter_id) WHERE revoked_at IS NULL;

-- Who recorded an evaluation: the tablet it was given on, or the staff member who typed in a paper form.
ALTER TABLE evaluations
  ADD COLUMN tablet_id uuid REFERENCES evaluation_tablets(id),
  ADD COLUMN entered_by uuid REFERENCES users(id);
