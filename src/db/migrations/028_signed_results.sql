-- Signed results (issue 13, item 6): a department head signs a dossier's result PDF with a PKCS#12 key (PAdES).
-- Keys are kept sealed with the server key (platform/secret-key.ts), never in clear: the .p12 bytes and its
-- passphrase are each AES-256-GCM sealed text. In demo mode a local test CA (one per database, its key sealed the
-- same way) issues the demo heads' certificates on their first signature.
CREATE TABLE signing_ca (
  id integer PRIMARY KEY CHECK (id = 1),
  name text NOT NULL,
  cert_pem text NOT NULL,
  key_enc text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE signing_keys (
  user_id uuid PRIMARY KEY REFERENCES users(id),
  p12_enc text NOT NULL,             -- the PKCS#12 file, base64, sealed with the server key
  passphrase_enc text NOT NULL,      -- its passphrase, sealed with the server key
  subject text NOT NULL,             -- the certificate's common name, as pdfsig shows it
  title text NOT NULL,               -- the signer's title printed on the result ("Trưởng phòng Tư pháp")
  not_after timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);

-- One signed result per dossier; its id is the public verification code in the QR. The public page shows only
-- what is here (hash, signer, unit, time): no applicant data. The file row goes with a purge; the hash stays.
CREATE TABLE signed_results (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL UNIQUE REFERENCES dossiers(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  file_id uuid REFERENCES dossier_files(id) ON DELETE SET NULL,
  source_file_id uuid REFERENCES dossier_files(id) ON DELETE SET NULL,
  sha256 text NOT NULL,
  size integer NOT NULL,
  signer_id uuid NOT NULL REFERENCES users(id),
  signer_name text NOT NULL,
  signer_title text NOT NULL,
  unit_name text NOT NULL,
  center_name text NOT NULL,
  procedure_name text NOT NULL,
  signed_at timestamptz NOT NULL
);
CREATE INDEX signed_results_sha256 ON signed_results (sha256);
