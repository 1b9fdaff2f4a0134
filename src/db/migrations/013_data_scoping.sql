-- Personal data stays in its center (issue 12, findings 1 and 4).
--
-- Until now an applicant was ONE province-wide record keyed by citizen ID: a clerk at center B who registered any
-- dossier with a citizen ID first seen at center A was offered A's scanned papers for reuse, and B's registration
-- overwrote the shared name and phone, so A's search by the real name no longer found A's own dossier.
--
-- From here:
--  * an applicant record belongs to one center (center_id), keyed by (center, citizen ID) or (center, tax code);
--    a registration upserts only its own center's record, and files are reused only through that record;
--  * every dossier keeps its applicant snapshot (as given at that registration) and search runs on the snapshots:
--    the name words (the tsvector of migration 008, now on the dossier, with word pairs for the index), the
--    citizen ID and the phone;
--  * every dossier gets a random token for the QR code of its slips: the public look-up answers with it, or with
--    the last four digits of the applicant's phone or citizen ID, never with the code alone.

-- 1. Complete the snapshots: the applicant as the dossier printed it. The few keys an old snapshot lacks come from
--    the record it points to (before the record is split below); a key the snapshot has always wins.
UPDATE dossiers d SET applicant = jsonb_build_object(
    'kind', a.kind, 'fullName', a.full_name, 'idNumber', a.id_number, 'dateOfBirth', a.date_of_birth, 'phone', a.phone,
    'email', a.email, 'address', a.address, 'orgName', a.org_name, 'taxCode', a.tax_code) || d.applicant
  FROM applicants a
 WHERE a.id = d.applicant_id
   AND NOT (d.applicant ?& ARRAY['kind', 'fullName', 'idNumber', 'dateOfBirth', 'phone', 'email', 'address', 'orgName', 'taxCode']);

-- 2. Applicant records per center. The center of a record's first dossier keeps it; every other center that has
--    dossiers of the same person gets its own copy, and its dossiers and files move to that copy. Each record then
--    takes its data from the latest dossier of its own center (undoing what other centers wrote over it).
ALTER TABLE applicants ADD COLUMN center_id uuid REFERENCES centers(id);
DROP INDEX applicants_id_number_key;
DROP INDEX applicants_tax_code_key;

CREATE TEMP TABLE applicant_split ON COMMIT DROP AS
  SELECT x.applicant_id AS old_id, x.center_id,
         row_number() OVER (PARTITION BY x.applicant_id ORDER BY x.first_at, x.center_id) AS k,
         (SELECT d.applicant FROM dossiers d WHERE d.applicant_id = x.applicant_id AND d.center_id = x.center_id
           ORDER BY d.registered_at DESC, d.code DESC LIMIT 1) AS latest
    FROM (SELECT applicant_id, center_id, min(registered_at) AS first_at FROM dossiers GROUP BY applicant_id, center_id) x;
ALTER TABLE applicant_split ADD COLUMN new_id uuid;
UPDATE applicant_split SET new_id = CASE WHEN k = 1 THEN old_id ELSE gen_random_uuid() END;

INSERT INTO applicants (id, center_id, kind, full_name, id_number, date_of_birth, phone, email, address, org_name, tax_code, created_at, updated_at)
  SELECT s.new_id, s.center_id, a.kind, a.full_name, a.id_number, a.date_of_birth, a.phone, a.email, a.address, a.org_name, a.tax_code, now(), now()
    FROM applicant_split s JOIN applicants a ON a.id = s.old_id
   WHERE s.k > 1;
UPDATE applicants a SET center_id = s.center_id FROM applicant_split s WHERE s.old_id = a.id AND s.k = 1;
UPDATE applicants a SET
    full_name = coalesce(nullif(s.latest->>'fullName', ''), a.full_name),
    date_of_birth = coalesce((s.latest->>'dateOfBirth')::date, a.date_of_birth),
    phone = coalesce(nullif(s.latest->>'phone', ''), a.phone),
    email = coalesce(nullif(s.latest->>'email', ''), a.email),
    address = coalesce(nullif(s.latest->>'address', ''), a.address),
    org_name = coalesce(s.latest->>'orgName', a.org_name)
  FROM applicant_split s WHERE a.id = s.new_id AND s.latest IS NOT NULL;
UPDATE dossiers d SET applicant_id = s.new_id FROM applicant_split s WHERE d.applicant_id = s.old_id AND d.center_id = s.center_id AND s.k > 1;
UPDATE dossier_files f SET applicant_id = d.applicant_id FROM dossiers d WHERE d.id = f.dossier_id AND f.applicant_id <> d.applicant_id;
-- A record no dossier points to (left by a registration that failed half-way) has no center and no use.
DELETE FROM applicants a WHERE a.center_id IS NULL AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.applicant_id = a.id)
  AND NOT EXISTS (SELECT 1 FROM dossier_files f WHERE f.applicant_id = a.id);
ALTER TABLE applicants ALTER COLUMN center_id SET NOT NULL;
CREATE UNIQUE INDEX applicants_center_id_number_key ON applicants (center_id, id_number) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX applicants_center_tax_code_key ON applicants (center_id, tax_code) WHERE tax_code IS NOT NULL AND kind = 'organization';
-- Search no longer reads the records (it reads the dossiers' snapshots).
DROP INDEX applicants_search_words;
ALTER TABLE applicants DROP COLUMN search_words;
DROP INDEX applicants_phone_idx;

-- 3. Search on the snapshots, and the slips' token. One ALTER TABLE, so the table is rewritten once.
--    applicant_words: the folded words of the name and organization, with their positions (migration 008's phrase
--      "nguyen <-> van <-> an:*"), checked on the rows the index finds.
--    applicant_terms: those words plus each pair of neighbouring words ("nguyen0van", "van0an"), for the index. At a
--      million dossiers the common words' lists are long ("nguyen" is in one name of ten) and intersecting them cost
--      12-18 ms a search; the pairs are 10-20 times rarer: "nguyen0van & van0an:*" reads about 0.8 ms of index.
--    public_token: 22 characters of base64url over a random UUID (122 random bits), printed in the QR code.
CREATE FUNCTION f_name_terms(text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT to_tsvector('simple', coalesce(string_agg(w || coalesce(' ' || w || '0' || n, ''), ' '), ''))
          FROM (SELECT w, lead(w) OVER (ORDER BY i) AS n
                  FROM regexp_split_to_table(public.f_fold($1), '[^a-z0-9]+') WITH ORDINALITY AS t(w, i) WHERE w <> '') x $$;
ALTER TABLE dossiers
  ADD COLUMN applicant_words tsvector GENERATED ALWAYS AS
    (to_tsvector('simple', f_fold(coalesce(applicant->>'fullName', '') || ' ' || coalesce(applicant->>'orgName', '')))) STORED,
  ADD COLUMN applicant_terms tsvector GENERATED ALWAYS AS
    (f_name_terms(coalesce(applicant->>'fullName', '') || ' ' || coalesce(applicant->>'orgName', ''))) STORED,
  ADD COLUMN public_token text NOT NULL DEFAULT translate(rtrim(encode(uuid_send(gen_random_uuid()), 'base64'), '='), '+/', '-_');
CREATE INDEX dossiers_applicant_terms ON dossiers USING gin (applicant_terms);
-- By citizen ID: the person who applied (an organization with a tax code is found by its name, not by its
-- representative's ID, as with the records keyed by tax code).
CREATE INDEX dossiers_applicant_id_number ON dossiers ((applicant->>'idNumber')) WHERE applicant->>'taxCode' IS NULL;
CREATE INDEX dossiers_applicant_phone ON dossiers ((applicant->>'phone'));
