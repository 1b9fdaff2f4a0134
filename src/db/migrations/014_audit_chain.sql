-- The record cannot be rewritten unnoticed. Every row of audit_log and dossier_events is a link of a hash chain, one
-- chain per center (rows without a center — province-wide administration — form the chain of the nil uuid):
--
--   hash(row) = sha256( hash(previous row of the chain) || sha256( canonical(row) ) ),   hash(row 0) = sha256('motcua-chain:' || chain_id)
--
-- canonical(row) concatenates, for each field in a fixed order, `<byte length>:<text>` (`~` for NULL), the text
-- being PostgreSQL's own text output (uuid, integers, boolean as true/false, jsonb in its normalised form, instants
-- as UTC `YYYY-MM-DDTHH:MI:SS.ffffffZ`):
--   audit_log:      'audit_log', chain_id, chain_seq, id, at, actor_id, center_id, action, entity, entity_id, data
--   dossier_events: 'dossier_events', chain_id, chain_seq, id, dossier_id, at, actor_id, action, from_status,
--                   to_status, step_index, flagged, hex(personal_digest)
-- An event's free text (reason, data — notes, missing papers, tracking numbers) enters only through its digest
-- personal_digest = sha256(canonical(reason, data::text)), so the purge can empty those two fields after the
-- retention period (marking the row `redacted`) and the chain still verifies; everything else stays checked.
-- `npm run audit:verify` recomputes all of it outside the database (src/modules/audit/chain.ts).
--
-- Concurrency: the link is made by a BEFORE INSERT trigger that moves the chain's head row (record_chain_heads) in
-- one UPDATE; the row stays locked until the transaction ends, so writers of one center take turns and a chain
-- never forks. Registrations of a center already take turns on their daily counter; other centers are not held up.
-- The trigger runs as the owner (SECURITY DEFINER): the app role has no right on the heads at all.

ALTER TABLE audit_log ADD COLUMN chain_id uuid, ADD COLUMN chain_seq bigint, ADD COLUMN chain_hash bytea;
ALTER TABLE dossier_events ADD COLUMN chain_id uuid, ADD COLUMN chain_seq bigint, ADD COLUMN chain_hash bytea,
  ADD COLUMN personal_digest bytea, ADD COLUMN redacted boolean NOT NULL DEFAULT false;

CREATE TABLE record_chain_heads (
  chain_id uuid PRIMARY KEY,
  seq bigint NOT NULL,
  hash bytea NOT NULL
);

CREATE FUNCTION chain_enc(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END $$;

CREATE FUNCTION chain_instant(t timestamptz) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

CREATE FUNCTION chain_personal_digest(reason text, data jsonb) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT sha256(convert_to(chain_enc(reason) || chain_enc(data::text), 'UTF8')) $$;

CREATE FUNCTION chain_body_audit_log(r audit_log) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT chain_enc(r.id::text) || chain_enc(chain_instant(r.at)) || chain_enc(r.actor_id::text) || chain_enc(r.center_id::text)
    || chain_enc(r.action) || chain_enc(r.entity) || chain_enc(r.entity_id) || chain_enc(r.data::text) $$;

CREATE FUNCTION chain_body_dossier_events(r dossier_events) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT chain_enc(r.id::text) || chain_enc(r.dossier_id::text) || chain_enc(chain_instant(r.at)) || chain_enc(r.actor_id::text)
    || chain_enc(r.action) || chain_enc(r.from_status) || chain_enc(r.to_status) || chain_enc(r.step_index::text)
    || chain_enc(r.flagged::text) || chain_enc(encode(r.personal_digest, 'hex')) $$;

CREATE FUNCTION chain_genesis(k uuid) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT sha256(convert_to('motcua-chain:' || k::text, 'UTF8')) $$;

-- Existing rows are linked in the order they happened (time, then table, then id).
UPDATE dossier_events SET personal_digest = chain_personal_digest(reason, data);
DO $$
DECLARE
  r record;
  cur uuid;
  h bytea;
  s bigint;
BEGIN
  FOR r IN
    SELECT 'audit_log' AS t, a.id, coalesce(a.center_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, a.at, chain_body_audit_log(a) AS body
      FROM audit_log a
    UNION ALL
    SELECT 'dossier_events', e.id, d.center_id, e.at, chain_body_dossier_events(e) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
    ORDER BY k, at, t, id
  LOOP
    IF cur IS DISTINCT FROM r.k THEN
      IF cur IS NOT NULL THEN INSERT INTO record_chain_heads (chain_id, seq, hash) VALUES (cur, s, h); END IF;
      cur := r.k;
      s := 0;
      h := chain_genesis(r.k);
    END IF;
    s := s + 1;
    h := sha256(h || sha256(convert_to(chain_enc(r.t) || chain_enc(r.k::text) || chain_enc(s::text) || r.body, 'UTF8')));
    IF r.t = 'audit_log' THEN
      UPDATE audit_log SET chain_id = r.k, chain_seq = s, chain_hash = h WHERE id = r.id;
    ELSE
      UPDATE dossier_events SET chain_id = r.k, chain_seq = s, chain_hash = h WHERE id = r.id;
    END IF;
  END LOOP;
  IF cur IS NOT NULL THEN INSERT INTO record_chain_heads (chain_id, seq, hash) VALUES (cur, s, h); END IF;
END $$;

ALTER TABLE audit_log ALTER COLUMN chain_id SET NOT NULL, ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN chain_hash SET NOT NULL;
ALTER TABLE dossier_events ALTER COLUMN chain_id SET NOT NULL, ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN chain_hash SET NOT NULL,
  ALTER COLUMN personal_digest SET NOT NULL;
CREATE UNIQUE INDEX audit_log_chain_key ON audit_log (chain_id, chain_seq);
CREATE UNIQUE INDEX dossier_events_chain_key ON dossier_events (chain_id, chain_seq);

CREATE FUNCTION record_chain_link() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  k uuid;
  body text;
BEGIN
  IF TG_TABLE_NAME = 'audit_log' THEN
    k := coalesce(NEW.center_id, '00000000-0000-0000-0000-000000000000'::uuid);
    body := chain_body_audit_log(NEW);
  ELSE
    SELECT center_id INTO k FROM dossiers WHERE id = NEW.dossier_id;
    NEW.personal_digest := chain_personal_digest(NEW.reason, NEW.data);
    NEW.redacted := false;
    body := chain_body_dossier_events(NEW);
  END IF;
  NEW.chain_id := k;
  LOOP
    UPDATE record_chain_heads SET seq = seq + 1,
        hash = sha256(hash || sha256(convert_to(chain_enc(TG_TABLE_NAME) || chain_enc(k::text) || chain_enc((seq + 1)::text) || body, 'UTF8')))
      WHERE chain_id = k
      RETURNING seq, hash INTO NEW.chain_seq, NEW.chain_hash;
    EXIT WHEN FOUND;
    -- The chain's first row: create its head (a concurrent first writer may win; then take its head in turn).
    INSERT INTO record_chain_heads (chain_id, seq, hash) VALUES (k, 0, chain_genesis(k)) ON CONFLICT (chain_id) DO NOTHING;
  END LOOP;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION record_chain_link();
CREATE TRIGGER dossier_events_chain BEFORE INSERT ON dossier_events FOR EACH ROW EXECUTE FUNCTION record_chain_link();

-- Defence in depth against the owner's own scripts: no row of the record is deleted or rewritten. The one change
-- allowed is the purge's redaction of an event's free text (reason and data emptied, the row marked redacted,
-- everything the chain covers untouched). The app role cannot even try (it has no UPDATE or DELETE right).
CREATE FUNCTION record_no_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'dossier_events' THEN
    IF NOT OLD.redacted AND NEW.redacted AND NEW.reason IS NULL AND NEW.data = '{}'::jsonb
       AND (NEW.id, NEW.dossier_id, NEW.at, NEW.actor_id, NEW.action, NEW.from_status, NEW.to_status, NEW.step_index, NEW.flagged,
            NEW.chain_id, NEW.chain_seq, NEW.chain_hash, NEW.personal_digest)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.dossier_id, OLD.at, OLD.actor_id, OLD.action, OLD.from_status, OLD.to_status, OLD.step_index, OLD.flagged,
            OLD.chain_id, OLD.chain_seq, OLD.chain_hash, OLD.personal_digest) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'Nhật ký % chỉ được ghi thêm, không được sửa hoặc xóa.', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_no_rewrite BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION record_no_rewrite();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION record_no_rewrite();
CREATE TRIGGER dossier_events_no_rewrite BEFORE UPDATE OR DELETE ON dossier_events FOR EACH ROW EXECUTE FUNCTION record_no_rewrite();
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events FOR EACH STATEMENT EXECUTE FUNCTION record_no_rewrite();

-- The purge (npm run purge): when a dossier's and an applicant's personal data were removed.
ALTER TABLE dossiers ADD COLUMN purged_at timestamptz;
ALTER TABLE applicants ADD COLUMN purged_at timestamptz;
