-- Idempotency keys become one reusable piece (src/http/idempotency.ts) that any POST can use.
-- * `caller` replaces `actor_id`: keys are per caller, and a caller is named by kind and id ('user:<uuid>' for staff
--   today); a future kind of caller (citizen accounts) needs no schema change, where a foreign key to users could
--   only ever hold staff.
-- * `request_hash` (sha-256 of the request body) tells a retry from a different request reusing the key.
-- * `claim` / `claimed_at`: the attempt holding an unfinished key (status 0). A failed attempt deletes its claim;
--   a claim left by a crashed process can be taken over once it is older than the lease, and an attempt that lost
--   its claim cannot record an answer over the new holder's.
ALTER TABLE idempotency_keys
  ADD COLUMN caller text,
  ADD COLUMN request_hash text NOT NULL DEFAULT '',
  ADD COLUMN claim uuid,
  ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now();

UPDATE idempotency_keys SET caller = 'user:' || actor_id::text;
-- Payments stored {requestHash, body}: the answer is now the stored response itself.
UPDATE idempotency_keys SET request_hash = response->>'requestHash', response = response->'body'
  WHERE scope LIKE 'fees.payment:%' AND status <> 0 AND response ? 'body';
-- Registrations stored only the dossier code, and unfinished rows belong to requests that died with the old
-- process: neither can be answered the new way. They only guarded retries of the minutes around this upgrade.
DELETE FROM idempotency_keys WHERE scope = 'dossiers.register' OR status = 0;

ALTER TABLE idempotency_keys
  DROP CONSTRAINT idempotency_keys_pkey,
  DROP COLUMN actor_id,
  ALTER COLUMN caller SET NOT NULL,
  ADD PRIMARY KEY (caller, scope, key);
