-- A director's waiver of what a dossier still owes (issue 13 item 1): the result may then be handed over unpaid.
-- One per dossier, never changed (a second waiver is refused); the amount is what was owed when it was granted.
CREATE TABLE fee_waivers (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers(id),
  amount bigint NOT NULL CHECK (amount >= 0),
  reason text NOT NULL CHECK (length(reason) >= 10),
  waived_by uuid NOT NULL REFERENCES users(id),
  waived_at timestamptz NOT NULL
);
