-- The record cannot be rewritten unnoticed. Every row of audit_log and dossier_events gets a link in a hash chain,
-- one chain per center (rows without a center — province-wide administration — form the chain of the nil uuid).
-- The links live beside the rows, in record_links, which only the owner writes:
--
--   link(row).hash = sha256( hash of the previous link of the chain || sha256( canonical(row) ) )
--   the hash before the first link = sha256('motcua-chain:' || chain_id)
--
-- canonical(row) concatenates, for each field in a fixed order, `<byte length>:<text>` (`~` for NULL), the text
-- being PostgreSQL's own text output (uuid, integers, boolean as true/false, jsonb in its normalised form, instants
-- as UTC `YYYY-MM-DDTHH:MI:SS.ffffffZ`):
--   audit_log:      'audit_log', chain_id, seq, id, at, actor_id, center_id, action, entity, entity_id, data
--   dossier_events: 'dossier_events', chain_id, seq, id, dossier_id, at, actor_id, action, from_status, to_status,
--                   step_index, flagged, hex(personal_digest)
-- An event's free text (reason, data — notes, missing papers, tracking numbers) enters only through its digest,
-- personal_digest = sha256(canonical(reason, data::text)), kept in the link: after the retention period the purge
-- empties those two fields (reason NULL, data {}) and the chain still verifies, everything else still checked.
-- `npm run audit:verify` recomputes all of it outside the database (src/modules/audit/chain.ts).
--
-- Concurrency and cost. Writers never wait for each other because of the chain: a statement that adds rows to the
-- record only queues their ids (record_pending, an AFTER ... FOR EACH STATEMENT trigger), and the sealer —
-- record_chain_seal(), called every second by the app (src/modules/audit/sealer.ts) and by audit:verify — links the
-- committed queued rows, one sealer at a time, in queue order. Both run as the owner (SECURITY DEFINER): the app
-- role can read the queue, the links and the heads, not write them, and the sealer computes every link from the
-- rows themselves, so calling it can never forge one. Until it is linked (about a second), a row is protected from
-- the app role by the grants; only the owner could change it unseen in that window.

CREATE TABLE record_chain_heads (
  chain_id uuid PRIMARY KEY,
  seq bigint NOT NULL,
  hash bytea NOT NULL
);

CREATE TABLE record_links (
  chain_id uuid NOT NULL,
  seq bigint NOT NULL,
  tbl text NOT NULL CHECK (tbl IN ('audit_log', 'dossier_events')),
  row_id bigint NOT NULL,
  hash bytea NOT NULL,
  personal_digest bytea,                     -- dossier_events only
  PRIMARY KEY (chain_id, seq),
  UNIQUE (tbl, row_id)
);

CREATE TABLE record_pending (
  queued bigserial PRIMARY KEY,
  tbl text NOT NULL,
  row_id bigint NOT NULL
);

CREATE FUNCTION chain_enc(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END $$;

CREATE FUNCTION chain_instant(t timestamptz) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

CREATE FUNCTION chain_genesis(k uuid) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT sha256(convert_to('motcua-chain:' || k::text, 'UTF8')) $$;

CREATE FUNCTION chain_personal_digest(reason text, data jsonb) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT sha256(convert_to(chain_enc(reason) || chain_enc(data::text), 'UTF8')) $$;

CREATE FUNCTION chain_body_audit_log(id bigint, at timestamptz, actor_id uuid, center_id uuid, action text, entity text, entity_id text, data jsonb)
  RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT chain_enc(id::text) || chain_enc(chain_instant(at)) || chain_enc(actor_id::text) || chain_enc(center_id::text)
    || chain_enc(action) || chain_enc(entity) || chain_enc(entity_id) || chain_enc(data::text) $$;

CREATE FUNCTION chain_body_dossier_events(id bigint, dossier_id uuid, at timestamptz, actor_id uuid, action text, from_status text, to_status text,
    step_index integer, flagged boolean, personal_digest bytea)
  RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT chain_enc(id::text) || chain_enc(dossier_id::text) || chain_enc(chain_instant(at)) || chain_enc(actor_id::text)
    || chain_enc(action) || chain_enc(from_status) || chain_enc(to_status) || chain_enc(step_index::text)
    || chain_enc(flagged::text) || chain_enc(encode(personal_digest, 'hex')) $$;

-- sha256(canonical(row)): the table, the chain and the position, then the table's own fields.
CREATE FUNCTION chain_digest(t text, k uuid, s bigint, body text) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT sha256(convert_to(chain_enc(t) || chain_enc(k::text) || chain_enc(s::text) || body, 'UTF8')) $$;

-- The fold along a chain, as a window aggregate: hash = sha256(previous hash || digest), starting from the head's hash.
CREATE FUNCTION chain_step(state bytea, head bytea, digest bytea) RETURNS bytea LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$ BEGIN RETURN sha256(coalesce(state, head) || digest); END $$;
CREATE AGGREGATE chain_fold(bytea, bytea) (SFUNC = chain_step, STYPE = bytea);

-- The write path: queue the ids of the statement's new rows.
CREATE FUNCTION record_chain_queue() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  INSERT INTO public.record_pending (tbl, row_id) SELECT TG_TABLE_NAME, n.id FROM new_rows n ORDER BY n.id;
  RETURN NULL;
END $$;

-- Links up to `max_rows` queued rows (the oldest first) and returns how many it took from the queue; 0 at once when
-- another sealer is at work. One transaction: the queue entries, the links and the heads move together. Anyone may
-- call it: it computes every link from the rows themselves and takes no input but a number.
CREATE FUNCTION record_chain_seal(max_rows integer) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  batch bigint[];
BEGIN
  IF NOT pg_try_advisory_xact_lock(7466014) THEN RETURN 0; END IF;
  batch := ARRAY(SELECT q.queued FROM public.record_pending q ORDER BY q.queued LIMIT max_rows);
  IF cardinality(batch) = 0 THEN RETURN 0; END IF;
  -- The heads of chains seen for the first time, so that the statement below can lock every head it needs.
  INSERT INTO public.record_chain_heads (chain_id, seq, hash)
  SELECT DISTINCT x.k, 0, public.chain_genesis(x.k) FROM (
      SELECT coalesce(a.center_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k FROM public.record_pending p JOIN public.audit_log a ON p.tbl = 'audit_log' AND a.id = p.row_id
       WHERE p.queued = ANY (batch)
      UNION
      SELECT d.center_id FROM public.record_pending p JOIN public.dossier_events e ON p.tbl = 'dossier_events' AND e.id = p.row_id
        JOIN public.dossiers d ON d.id = e.dossier_id WHERE p.queued = ANY (batch)) x
  ON CONFLICT (chain_id) DO NOTHING;
  WITH p AS (
    DELETE FROM public.record_pending WHERE queued = ANY (batch) RETURNING queued, tbl, row_id),
  b AS (
    SELECT p.queued, 'audit_log' AS t, a.id, coalesce(a.center_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, NULL::bytea AS pd,
           public.chain_body_audit_log(a.id, a.at, a.actor_id, a.center_id, a.action, a.entity, a.entity_id, a.data) AS body
      FROM p JOIN public.audit_log a ON p.tbl = 'audit_log' AND a.id = p.row_id
    UNION ALL
    SELECT p.queued, 'dossier_events', e.id, d.center_id, e.pd,
           public.chain_body_dossier_events(e.id, e.dossier_id, e.at, e.actor_id, e.action, e.from_status, e.to_status, e.step_index, e.flagged, e.pd)
      FROM p JOIN (SELECT ev.*, public.chain_personal_digest(ev.reason, ev.data) AS pd FROM public.dossier_events ev) e
             ON p.tbl = 'dossier_events' AND e.id = p.row_id
           JOIN public.dossiers d ON d.id = e.dossier_id),
  h AS (
    SELECT c.chain_id, c.seq, c.hash FROM public.record_chain_heads c WHERE c.chain_id IN (SELECT b.k FROM b) ORDER BY c.chain_id FOR UPDATE),
  r AS (
    SELECT b.*, h.hash AS head, h.seq + row_number() OVER (PARTITION BY b.k ORDER BY b.queued) AS s FROM b JOIN h ON h.chain_id = b.k),
  l AS (
    INSERT INTO public.record_links (chain_id, seq, tbl, row_id, hash, personal_digest)
    SELECT r.k, r.s, r.t, r.id, public.chain_fold(r.head, public.chain_digest(r.t, r.k, r.s, r.body)) OVER (PARTITION BY r.k ORDER BY r.s), r.pd FROM r
    RETURNING chain_id, seq, hash)
  UPDATE public.record_chain_heads c SET seq = m.seq, hash = m.hash
    FROM (SELECT DISTINCT ON (l.chain_id) l.chain_id, l.seq, l.hash FROM l ORDER BY l.chain_id, l.seq DESC) m
   WHERE c.chain_id = m.chain_id;
  RETURN cardinality(batch);
END $$;

-- Rights a role got on the new tables through default privileges are taken back now (the grants step that follows
-- every migration run leaves the app role SELECT only, see src/platform/db-roles.ts).
DO $$
DECLARE
  g text;
BEGIN
  FOR g IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
            WHERE table_schema = 'public' AND table_name IN ('record_links', 'record_chain_heads', 'record_pending') AND grantee <> current_user
  LOOP
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON record_links, record_chain_heads, record_pending FROM %I', g);
  END LOOP;
END $$;

-- Existing rows are queued in the order they happened (time, then table, then id) and linked now.
INSERT INTO record_pending (tbl, row_id)
SELECT x.t, x.id FROM (
  SELECT 'audit_log' AS t, a.id, a.at FROM audit_log a
  UNION ALL SELECT 'dossier_events', e.id, e.at FROM dossier_events e) x
ORDER BY x.at, x.t, x.id;
SELECT record_chain_seal(2147483647);

CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_chain_queue();
CREATE TRIGGER dossier_events_chain AFTER INSERT ON dossier_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_chain_queue();

-- Defence in depth against the owner's own scripts: no row of the record is deleted or rewritten. The one change
-- allowed is the purge's: an event's free text emptied (reason NULL, data {}), everything the chain covers untouched.
-- The app role cannot even try (it has no UPDATE or DELETE right).
CREATE FUNCTION record_no_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'dossier_events' THEN
    IF NEW.reason IS NULL AND NEW.data = '{}'::jsonb
       AND (NEW.id, NEW.dossier_id, NEW.at, NEW.actor_id, NEW.action, NEW.from_status, NEW.to_status, NEW.step_index, NEW.flagged)
           IS NOT DISTINCT FROM (OLD.id, OLD.dossier_id, OLD.at, OLD.actor_id, OLD.action, OLD.from_status, OLD.to_status, OLD.step_index, OLD.flagged) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'Nhật ký % chỉ được ghi thêm, không được sửa hoặc xóa.', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_no_rewrite BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION record_no_rewrite();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION record_no_rewrite();
CREATE TRIGGER dossier_events_no_rewrite BEFORE UPDATE OR DELETE ON dossier_events FOR EACH ROW EXECUTE FUNCTION record_no_rewrite();
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events FOR EACH STATEMENT EXECUTE FUNCTION record_no_rewrite();
CREATE TRIGGER record_links_no_rewrite BEFORE UPDATE OR DELETE ON record_links FOR EACH ROW EXECUTE FUNCTION record_no_rewrite();
CREATE TRIGGER record_links_no_truncate BEFORE TRUNCATE ON record_links FOR EACH STATEMENT EXECUTE FUNCTION record_no_rewrite();


-- The purge (npm run purge, src/modules/retention): when personal data was removed. A purged postal or SMS service
-- keeps its charge but no longer needs an address or a phone number.
ALTER TABLE dossiers ADD COLUMN purged_at timestamptz;
ALTER TABLE applicants ADD COLUMN purged_at timestamptz;
ALTER TABLE fee_receipts ADD COLUMN purged_at timestamptz;
ALTER TABLE dossier_services ADD COLUMN purged_at timestamptz,
  DROP CONSTRAINT dossier_services_check, DROP CONSTRAINT dossier_services_check1,
  ADD CONSTRAINT dossier_services_postal_address CHECK (kind <> 'postal_result' OR purged_at IS NOT NULL OR length(coalesce(address, '')) > 0),
  ADD CONSTRAINT dossier_services_sms_phone CHECK (kind <> 'sms' OR purged_at IS NOT NULL OR phone ~ '^0[0-9]{9}$');
