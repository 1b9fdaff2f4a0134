-- Satisfaction evaluations: one per dossier (DOMAIN §8). The row is created with its single-use token when a link is
-- issued (staff, or the printed form's QR); answers are filled once, from the public page, the kiosk or paper entry.
CREATE TABLE evaluations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL UNIQUE REFERENCES dossiers(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  token text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  channel text CHECK (channel IN ('link', 'kiosk', 'paper')),
  answers jsonb,
  submitted_at timestamptz,
  CHECK ((submitted_at IS NULL) = (answers IS NULL))
);
CREATE INDEX evaluations_center_submitted ON evaluations (center_id, submitted_at);
