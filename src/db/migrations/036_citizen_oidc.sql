-- Citizen sign-in with VNeID / the national portal's SSO through OpenID Connect (issue 15, part 1). A citizen who
-- signs in there has a verified identity number and maybe no phone or e-mail we know: an account may now have no
-- contact, and is found again by the provider's subject (TechID, else sub) or by its verified identity number.

ALTER TABLE citizen_accounts ALTER COLUMN contact DROP NOT NULL, ALTER COLUMN contact_kind DROP NOT NULL;
ALTER TABLE citizen_accounts
  ADD COLUMN full_name text,                          -- as the national sign-in gave it (HoVaTen)
  ADD COLUMN oidc_issuer text,
  ADD COLUMN oidc_subject text,                       -- TechID, else sub, at that issuer
  ADD COLUMN id_verified_at timestamptz,              -- last time the national sign-in vouched for id_number
  ADD CONSTRAINT citizen_accounts_contact_pair CHECK ((contact IS NULL) = (contact_kind IS NULL)),
  ADD CONSTRAINT citizen_accounts_signs_in CHECK (contact IS NOT NULL OR oidc_subject IS NOT NULL),
  ADD CONSTRAINT citizen_accounts_oidc_pair CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
-- One account per verified identity number: a number never sits in two people's accounts.
CREATE UNIQUE INDEX citizen_accounts_id_number ON citizen_accounts (id_number) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX citizen_accounts_oidc ON citizen_accounts (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- How the session was opened: shown on "Hồ sơ của tôi".
ALTER TABLE citizen_sessions ADD COLUMN method text NOT NULL DEFAULT 'otp' CHECK (method IN ('otp', 'oidc'));

-- A sign-in under way: from the redirect to the provider until its answer (10 minutes), used once. Keyed by the hash
-- of a random token kept in the browser's cookie, so an answer only completes the sign-in the same browser started.
CREATE TABLE citizen_oidc_logins (
  id text PRIMARY KEY,                                -- sha256 of the cookie's token
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,                        -- PKCE
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX citizen_oidc_logins_expires ON citizen_oidc_logins (expires_at);
