-- Citizen accounts (issue 15, part 1): a citizen signs in with a one-time code sent to a phone or an e-mail address
-- and sees the dossiers registered with that contact. Citizens are not staff: their own accounts, codes and sessions,
-- never the users/sessions tables.

-- A phone number as the SMS channel writes it (84 + 9 digits), whatever form a clerk typed; other text unchanged.
CREATE FUNCTION f_citizen_phone(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN d ~ '^(0084|84)[35789][0-9]{8}$' THEN '84' || right(d, 9)
              WHEN d ~ '^0[35789][0-9]{8}$' THEN '84' || right(d, 9)
              ELSE d END
  FROM (SELECT regexp_replace(coalesce(p, ''), '[^0-9]', '', 'g') AS d) x
$$;

CREATE TABLE citizen_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contact text NOT NULL UNIQUE,                       -- 84xxxxxxxxx or a lower-case e-mail address
  contact_kind text NOT NULL CHECK (contact_kind IN ('phone', 'email')),
  id_number text CHECK (id_number ~ '^[0-9]{12}$'),   -- verified identity number (from the national sign-in), when known
  created_at timestamptz NOT NULL,
  last_sign_in_at timestamptz
);

CREATE TABLE citizen_otps (
  id bigserial PRIMARY KEY,
  contact text NOT NULL,
  code_hash text NOT NULL,                            -- HMAC of the code with the server key: never the code itself
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  used_at timestamptz,                                -- signed in with it, or replaced by a newer code
  ip text NOT NULL DEFAULT ''
);
CREATE INDEX citizen_otps_contact ON citizen_otps (contact, id DESC);

CREATE TABLE citizen_sessions (
  id text PRIMARY KEY,                                -- sha256 of the cookie's token
  citizen_id uuid NOT NULL REFERENCES citizen_accounts(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX citizen_sessions_citizen ON citizen_sessions (citizen_id);

-- "My dossiers": by the contact given at registration (the snapshot printed on the slips); the identity number has
-- its index since 013.
CREATE INDEX dossiers_citizen_phone ON dossiers (f_citizen_phone(applicant->>'phone'));
CREATE INDEX dossiers_citizen_email ON dossiers (lower(applicant->>'email'));
