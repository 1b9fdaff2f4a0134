-- Foundation: organisation (province, centers, departments, counters), accounts and sessions, the procedure
-- catalog with accent-insensitive search, the working-time calendar overrides and the audit log.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary); an IMMUTABLE wrapper with the dictionary named explicitly
-- lets us index folded text.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE OR REPLACE FUNCTION f_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.f_unaccent($1)) $$;

CREATE TABLE provinces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL
);

CREATE TABLE centers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_id uuid NOT NULL REFERENCES provinces(id),
  code text NOT NULL UNIQUE,                 -- agency identifier used in dossier codes, e.g. 000.00.15.H57
  name text NOT NULL,
  short_name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  address text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  settings jsonb NOT NULL DEFAULT '{}'::jsonb, -- per-center options (e.g. Saturday mornings open)
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fields (
  code text PRIMARY KEY,                     -- TP, DD, TC, …
  no integer NOT NULL,
  name text NOT NULL,
  department_hint text NOT NULL DEFAULT ''
);

CREATE TABLE departments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  code text NOT NULL,
  name text NOT NULL,
  field_codes text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  UNIQUE (center_id, code)
);

CREATE TABLE counters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  number integer NOT NULL CHECK (number > 0),
  name text NOT NULL,
  field_codes text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  UNIQUE (center_id, number)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  full_name text NOT NULL,
  email text NOT NULL DEFAULT '',
  password_hash text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  center_id uuid REFERENCES centers(id),
  department_id uuid REFERENCES departments(id),
  counter_id uuid REFERENCES counters(id),
  active boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_center_idx ON users (center_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,                       -- SHA-256 of the cookie token: a leaked table cannot be replayed
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,           -- absolute limit; idle limit is checked against last_seen_at
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE procedures (
  code text PRIMARY KEY,
  name text NOT NULL,
  field_code text NOT NULL REFERENCES fields(code),
  agency text NOT NULL DEFAULT '',
  deciding_authority text NOT NULL DEFAULT '',
  time_unit text NOT NULL CHECK (time_unit IN ('working_days', 'working_hours', 'same_day')),
  time_value integer NOT NULL CHECK (time_value > 0),
  time_note text,
  calendar_days boolean NOT NULL DEFAULT false,
  same_day_cutoff text CHECK (same_day_cutoff ~ '^[0-2][0-9]:[0-5][0-9]$'),
  fees jsonb NOT NULL DEFAULT '[]'::jsonb,
  required_documents jsonb NOT NULL DEFAULT '[]'::jsonb,
  result text NOT NULL DEFAULT '',
  legal_basis jsonb NOT NULL DEFAULT '[]'::jsonb,
  inter_agency jsonb NOT NULL DEFAULT '[]'::jsonb,
  online_level integer NOT NULL CHECK (online_level BETWEEN 1 AND 4),
  workflow jsonb NOT NULL DEFAULT '[]'::jsonb,
  source text NOT NULL DEFAULT '',
  estimated_fields jsonb NOT NULL DEFAULT '[]'::jsonb,
  confidence text,
  notes text,
  active boolean NOT NULL DEFAULT true,
  search_text text GENERATED ALWAYS AS (f_fold(code || ' ' || name || ' ' || coalesce(result, ''))) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedures_search_trgm ON procedures USING gin (search_text gin_trgm_ops);
CREATE INDEX procedures_field_idx ON procedures (field_code);

CREATE TABLE calendar_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid REFERENCES centers(id),    -- NULL: applies to every center
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('day_off', 'working_day')),
  reason text NOT NULL CHECK (length(reason) > 0),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  removed_by uuid REFERENCES users(id),
  removed_reason text
);
-- One live change per day and scope; removed ones stay for the record.
CREATE UNIQUE INDEX calendar_overrides_live ON calendar_overrides (coalesce(center_id, '00000000-0000-0000-0000-000000000000'::uuid), day)
  WHERE removed_at IS NULL;

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users(id),
  center_id uuid REFERENCES centers(id),
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
