-- Periodic assessments of the officers seconded to the center (Quy chế 16.3): the director records, for a period, a
-- rating and remarks, and the ranking figures the assessment was based on are kept with it as they stood then.
CREATE TABLE staff_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  officer_id uuid NOT NULL REFERENCES users(id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  rating text NOT NULL CHECK (rating IN ('excellent', 'good', 'completed', 'not_completed')),
  remarks text NOT NULL DEFAULT '',
  figures jsonb NOT NULL,
  assessed_by uuid NOT NULL REFERENCES users(id),
  assessed_at timestamptz NOT NULL,
  CHECK (period_to >= period_from),
  UNIQUE (officer_id, period_from, period_to)
);
CREATE INDEX staff_assessments_center ON staff_assessments (center_id, period_from DESC);
