-- Dossiers: applicants, the dossier with its optimistic version, the append-only event log, gap-free daily
-- code sequences, digitized files (content-addressed), idempotency keys and the outbox.

CREATE TABLE applicants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('person', 'organization')),
  full_name text NOT NULL,                    -- the person, or the organization's representative
  id_number text CHECK (id_number ~ '^[0-9]{12}$'),
  date_of_birth date,
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  org_name text,
  tax_code text,
  search_text text GENERATED ALWAYS AS (f_fold(full_name || ' ' || coalesce(org_name, ''))) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One record per citizen ID number, so a second visit reuses the person's data and stored files.
CREATE UNIQUE INDEX applicants_id_number_key ON applicants (id_number) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX applicants_tax_code_key ON applicants (tax_code) WHERE tax_code IS NOT NULL AND kind = 'organization';
CREATE INDEX applicants_search_trgm ON applicants USING gin (search_text gin_trgm_ops);
CREATE INDEX applicants_phone_idx ON applicants (phone);

CREATE TABLE dossier_sequences (
  unit_code text NOT NULL,
  day date NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (unit_code, day)
);

CREATE TABLE dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,                  -- {unit code}-{yymmdd}-{NNNN}, never changes
  daily_number integer NOT NULL,
  center_id uuid NOT NULL REFERENCES centers(id),
  procedure_code text NOT NULL REFERENCES procedures(code),
  field_code text NOT NULL REFERENCES fields(code),
  department_id uuid REFERENCES departments(id), -- the department responsible for processing
  applicant_id uuid NOT NULL REFERENCES applicants(id),
  applicant jsonb NOT NULL,                   -- snapshot at registration, as printed on the slips
  channel text NOT NULL CHECK (channel IN ('direct', 'post', 'online')),
  status text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  time_limit jsonb NOT NULL,                  -- the procedure's limit when the dossier was registered
  workflow jsonb NOT NULL,                    -- the procedure's internal steps when the dossier was registered
  step_index integer,                         -- current workflow step (0-based) while in progress
  step_started_at timestamptz,
  holder text NOT NULL DEFAULT 'center' CHECK (holder IN ('center', 'department', 'inter_agency', 'applicant')),
  assignee_id uuid REFERENCES users(id),
  checklist jsonb NOT NULL DEFAULT '[]'::jsonb,
  registered_at timestamptz NOT NULL,
  received_at timestamptz,
  receipt_day date,
  due_at timestamptz,
  original_due_at timestamptz,                -- kept when an extension sets a new date
  extended_at timestamptz,
  extension_reason text,
  paused_at timestamptz,
  supplement_count integer NOT NULL DEFAULT 0,
  late_by_supplement boolean NOT NULL DEFAULT false, -- a second supplement request counts as late
  settled_at timestamptz,                     -- resolved or rejected
  returned_at timestamptz,
  closed_at timestamptz,                      -- refused, returned or withdrawn
  result jsonb,
  return_method text CHECK (return_method IN ('counter', 'post', 'online')),
  late_notice jsonb,                          -- department's reason + proposed date before the due date
  back_entry boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossiers_center_status_due ON dossiers (center_id, status, due_at);
CREATE INDEX dossiers_department_status_due ON dossiers (department_id, status, due_at);
CREATE INDEX dossiers_center_registered ON dossiers (center_id, registered_at DESC);
CREATE INDEX dossiers_applicant_idx ON dossiers (applicant_id);
CREATE INDEX dossiers_open_due ON dossiers (center_id, due_at) WHERE closed_at IS NULL AND settled_at IS NULL;

CREATE TABLE dossier_events (
  id bigserial PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  at timestamptz NOT NULL,
  actor_id uuid REFERENCES users(id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  step_index integer,
  reason text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  flagged boolean NOT NULL DEFAULT false      -- back-entry after an outage and other events to review
);
CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_id, id);

CREATE TABLE stored_files (
  sha256 text PRIMARY KEY,
  size bigint NOT NULL,
  mime text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dossier_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  applicant_id uuid NOT NULL REFERENCES applicants(id),
  sha256 text NOT NULL REFERENCES stored_files(sha256),
  checklist_index integer,                    -- which required document this file digitizes
  kind text NOT NULL DEFAULT 'document' CHECK (kind IN ('document', 'result')),
  name text NOT NULL,
  reused_from uuid REFERENCES dossier_files(id),
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX dossier_files_dossier_idx ON dossier_files (dossier_id);
CREATE INDEX dossier_files_applicant_idx ON dossier_files (applicant_id);

CREATE TABLE idempotency_keys (
  key text NOT NULL,
  actor_id uuid NOT NULL REFERENCES users(id),
  scope text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, scope, key)
);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  delivered_at timestamptz,
  last_error text
);
CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE delivered_at IS NULL;
