-- Login security (issue 12, finding 3 and two-factor sign-in; finding 10's kiosk devices).

-- Failed sign-ins since the owner's last successful one: shown to the owner when they next get in, so a guessing
-- attack (or a lock somebody caused) does not go unnoticed. failed_attempts stays the counter towards the lock.
ALTER TABLE users
  ADD COLUMN failures_since_login integer NOT NULL DEFAULT 0,
  ADD COLUMN first_failure_at timestamptz,
  ADD COLUMN last_failure_at timestamptz;

-- TOTP two-factor sign-in (RFC 6238). The secret is encrypted with the server key (src/platform/secret-key.ts):
-- a copy of the database alone does not give the second factor. enabled_at null: enrolment started, not confirmed.
CREATE TABLE user_totp (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  secret_enc text NOT NULL,
  enabled_at timestamptz,
  -- The last time step accepted: a code is good once (no replay within its 30 s window).
  last_step bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Recovery codes: shown once at enrolment, stored as SHA-256 (they are long random strings), each usable once.
CREATE TABLE user_recovery_codes (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- Kiosks the admin has paired: a request carrying a paired kiosk's key is exempt from the per-address limit on
-- ticket issuing (every kiosk of a center shares one public address). The key is shown once; only its hash is kept.
CREATE TABLE kiosk_devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX kiosk_devices_center_idx ON kiosk_devices (center_id, created_at);
