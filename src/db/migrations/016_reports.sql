-- Period reports and dashboards.
--
-- 1. How a received dossier ended, recorded when it ends (the reports domain's settlementOutcome: early / on time /
--    late against the legal due date, or withdrawn), and when: the first of resolved / rejected / withdrawn. A
--    calendar change made later (a day off added) never rewrites last month's figures.
--    Whether the department found it not eligible stays readable after the return (the status is then 'returned').
ALTER TABLE dossiers
  ADD COLUMN outcome text CHECK (outcome IN ('early', 'on_time', 'late', 'withdrawn')),
  ADD COLUMN ended_at timestamptz GENERATED ALWAYS AS (
    CASE WHEN received_at IS NULL THEN NULL
         WHEN settled_at IS NOT NULL THEN settled_at
         WHEN status = 'withdrawn' THEN closed_at END) STORED,
  ADD COLUMN rejected boolean GENERATED ALWAYS AS (coalesce((result ->> 'rejected')::boolean, status = 'rejected')) STORED;

-- Dossiers that ended before this migration: the same rule in SQL (office hours start at 07:00 on every working
-- day, so "early" is "before 07:00 of the due date's day").
UPDATE dossiers SET outcome = CASE
    WHEN status = 'withdrawn' THEN 'withdrawn'
    WHEN late_by_supplement OR settled_at > coalesce(original_due_at, due_at) THEN 'late'
    WHEN settled_at < (date_trunc('day', coalesce(original_due_at, due_at) AT TIME ZONE 'Asia/Ho_Chi_Minh') + interval '7 hours')
      AT TIME ZONE 'Asia/Ho_Chi_Minh' THEN 'early'
    ELSE 'on_time' END
  WHERE ended_at IS NOT NULL AND (due_at IS NOT NULL OR status = 'withdrawn');

-- 2. The settlement report reads, per center, every received dossier that had not ended before the period began:
--    a range of this index (open dossiers sort last, at 'infinity'), answered from the index alone: the columns
--    the report counts by are included, so the table (≈ 2 kB a row with its JSON documents) is never read
--    (ended_at itself too: PostgreSQL answers from an index alone only when every column a query names is in it).
--    A report over a month of one center reads about a month of entries; over three years, every entry of the
--    center (≈ 90 bytes each). See bench/README.md for the figures and the cost on the write path.
CREATE INDEX dossiers_report ON dossiers (center_id, (coalesce(ended_at, 'infinity'::timestamptz)))
  INCLUDE (id, received_at, ended_at, channel, field_code, department_id, step_index, outcome, rejected, due_at, original_due_at, paused_at)
  WHERE received_at IS NOT NULL;

-- 3. The monthly report (Quy chế art. 14.1), generated on the last working day of each month: one row per center
--    and month, claimed by the instance that inserts it first (several app instances may run the scheduler).
CREATE TABLE monthly_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  month text NOT NULL CHECK (month ~ '^\d{4}-\d{2}$'),
  status text NOT NULL CHECK (status IN ('generating', 'ready', 'failed')),
  claimed_at timestamptz NOT NULL,          -- a claim older than the lease is taken over (the instance died)
  attempts integer NOT NULL DEFAULT 1,
  period_from date NOT NULL,
  period_to date NOT NULL,
  as_of timestamptz,
  generated_at timestamptz,
  figures jsonb,                            -- the report's total figures, for the list
  pdf bytea,
  xlsx bytea,
  error text,
  mail_status text CHECK (mail_status IN ('off', 'no_recipients', 'sent', 'failed')),
  mail_recipients text[],
  mailed_at timestamptz,
  mail_error text,
  UNIQUE (center_id, month)
);
