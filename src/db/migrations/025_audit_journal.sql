-- The audit screen lists configuration changes (audit_log) and every step of every dossier (dossier_events) as one
-- journal, newest first: both are read by time, so both need an index by time (audit_log has one since 001).
CREATE INDEX dossier_events_at_idx ON dossier_events (at DESC, id DESC);
