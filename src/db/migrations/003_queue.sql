-- Queue: kiosk tickets per center, field (or service group) and day; counters calling them; the settings of
-- each center (priority categories, anti-starvation rule, recalls before a no-show, numbering ranges).

-- Per-center options; a center without a row uses the defaults below.
CREATE TABLE queue_settings (
  center_id uuid PRIMARY KEY REFERENCES centers(id),
  priority_streak_limit integer NOT NULL DEFAULT 3 CHECK (priority_streak_limit BETWEEN 0 AND 100), -- 0: no rule
  recall_limit integer NOT NULL DEFAULT 3 CHECK (recall_limit BETWEEN 0 AND 20),
  default_service_minutes integer NOT NULL DEFAULT 10 CHECK (default_service_minutes BETWEEN 1 AND 240),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Priority categories: rows with center_id NULL are the defaults; a center with rows of its own uses only those.
CREATE TABLE queue_priority_categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid REFERENCES centers(id),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,30}$'),
  name text NOT NULL CHECK (length(name) > 0),
  sort integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX queue_priority_categories_key
  ON queue_priority_categories (coalesce(center_id, '00000000-0000-0000-0000-000000000000'::uuid), code);
INSERT INTO queue_priority_categories (center_id, code, name, sort) VALUES
  (NULL, 'elderly', 'Người cao tuổi', 1),
  (NULL, 'disability', 'Người khuyết tật', 2),
  (NULL, 'pregnant', 'Phụ nữ mang thai', 3),
  (NULL, 'small_child', 'Người đi cùng trẻ nhỏ', 4);

-- Numbering of a field's queue at a center: number = range_start + n (n = 1, 2, … each day), shown with the
-- prefix. Without a row: range_start = field no × 1000 (field 2 → 2001, 2002, …), no prefix.
CREATE TABLE queue_numbering (
  center_id uuid NOT NULL REFERENCES centers(id),
  field_code text NOT NULL REFERENCES fields(code),
  prefix text NOT NULL DEFAULT '' CHECK (prefix ~ '^[A-Z0-9-]{0,4}$'),
  range_start integer NOT NULL CHECK (range_start BETWEEN 0 AND 1000000),
  PRIMARY KEY (center_id, field_code)
);

-- Service groups: a named set of fields with one queue (e.g. "Đất đai – Xây dựng"), numbered on their own.
CREATE TABLE queue_service_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  code text NOT NULL CHECK (code ~ '^G[A-Z0-9]{1,5}$'), -- starts with G so it never looks like a field code
  name text NOT NULL CHECK (length(name) > 0),
  field_codes text[] NOT NULL CHECK (cardinality(field_codes) > 0),
  prefix text NOT NULL DEFAULT '' CHECK (prefix ~ '^[A-Z0-9-]{0,4}$'),
  range_start integer NOT NULL CHECK (range_start BETWEEN 0 AND 1000000),
  active boolean NOT NULL DEFAULT true,
  UNIQUE (center_id, code)
);

-- Gap-free daily numbers: the row is incremented inside the issuing transaction, so concurrent kiosks queue
-- on its lock and a rolled-back issue gives its number back.
CREATE TABLE queue_sequences (
  center_id uuid NOT NULL REFERENCES centers(id),
  queue_code text NOT NULL,                 -- field code or service group code
  day date NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (center_id, queue_code, day)
);

CREATE TABLE queue_tickets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), -- unguessable: the phone follow page uses it
  serial bigint GENERATED ALWAYS AS IDENTITY UNIQUE, -- order of issue, breaks ties between equal times
  center_id uuid NOT NULL REFERENCES centers(id),
  day date NOT NULL,                        -- local day (Asia/Ho_Chi_Minh) of issue
  queue_code text NOT NULL,                 -- numbering queue at issue (field or group code)
  seq integer NOT NULL,
  number integer NOT NULL,
  display_number text NOT NULL,
  field_code text REFERENCES fields(code),  -- current field; NULL while a group ticket waits in its group
  group_id uuid REFERENCES queue_service_groups(id),
  priority text,                            -- priority category code, NULL for a regular ticket
  phone text,
  status text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show')),
  issued_at timestamptz NOT NULL,           -- original issue time, kept on transfer (FIFO key)
  counter_id uuid REFERENCES counters(id),  -- the counter that called it last
  called_by uuid REFERENCES users(id),
  called_at timestamptz,                    -- latest call (at the current counter)
  first_called_at timestamptz,              -- wait time = first_called_at - issued_at
  last_announced_at timestamptz,
  recall_count integer NOT NULL DEFAULT 0,
  served_by uuid REFERENCES users(id),
  served_started_at timestamptz,
  finished_at timestamptz,
  transfer_count integer NOT NULL DEFAULT 0,
  CHECK (field_code IS NOT NULL OR group_id IS NOT NULL),
  UNIQUE (center_id, queue_code, day, seq)
);
-- Waiting queues in calling order (priority tickets are the few; the order is by original issue time).
CREATE INDEX queue_tickets_waiting_field ON queue_tickets (center_id, day, field_code, issued_at, serial) WHERE status = 'waiting';
CREATE INDEX queue_tickets_waiting_group ON queue_tickets (group_id, day, issued_at, serial) WHERE status = 'waiting' AND field_code IS NULL;
CREATE INDEX queue_tickets_day ON queue_tickets (center_id, day);
CREATE INDEX queue_tickets_finished ON queue_tickets (center_id, field_code, finished_at DESC) WHERE status = 'done';
-- A counter holds at most one ticket at a time.
CREATE UNIQUE INDEX queue_tickets_at_counter ON queue_tickets (counter_id) WHERE status IN ('called', 'serving');

-- Append-only history of each ticket: issue, call, recall, start, finish, skip, no-show, transfer.
CREATE TABLE queue_ticket_events (
  id bigserial PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES queue_tickets(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  at timestamptz NOT NULL,
  action text NOT NULL,
  counter_id uuid REFERENCES counters(id),
  actor_id uuid REFERENCES users(id),
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX queue_ticket_events_ticket ON queue_ticket_events (ticket_id, id);

-- Dossiers received from a ticket: ticket → dossier → rating form make one timeline.
CREATE TABLE queue_ticket_dossiers (
  ticket_id uuid NOT NULL REFERENCES queue_tickets(id),
  dossier_code text NOT NULL REFERENCES dossiers(code),
  linked_at timestamptz NOT NULL,
  linked_by uuid REFERENCES users(id),
  PRIMARY KEY (ticket_id, dossier_code)
);
CREATE INDEX queue_ticket_dossiers_code ON queue_ticket_dossiers (dossier_code);

-- Who sits at a counter today and whether it is open. One row per counter, for the current day: a row of an
-- earlier day counts as absent, and then the reception clerk assigned to the counter (users.counter_id) is at it.
CREATE TABLE queue_counter_sessions (
  counter_id uuid PRIMARY KEY REFERENCES counters(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  day date NOT NULL,
  user_id uuid REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('open', 'paused', 'closed')),
  priority_streak integer NOT NULL DEFAULT 0, -- priority calls in a row while a regular ticket waited
  since timestamptz NOT NULL
);
CREATE INDEX queue_counter_sessions_user ON queue_counter_sessions (user_id, day);
