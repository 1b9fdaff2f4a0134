-- The e-mail server set by the administrator on the console (issue 13 item 7), one row for the whole system: the
-- mailer is built once per process for all centers. The password is encrypted with the server key (like TOTP
-- secrets) and never returned; MOTCUA_SMTP_URL, when set, wins over this row.
CREATE TABLE smtp_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  host text NOT NULL,
  port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  tls_mode text NOT NULL CHECK (tls_mode IN ('none', 'starttls', 'tls')),
  username text,
  password_enc text,
  from_name text NOT NULL,
  from_address text NOT NULL,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL
);
