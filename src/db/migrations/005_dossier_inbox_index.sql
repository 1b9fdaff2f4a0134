-- The department inbox lists the dossiers a department holds (in progress or paused at one of its steps), overdue
-- first. The composite index (department_id, status, due_at) serves it only as a bitmap over both statuses followed
-- by a sort of every open dossier of the department (≈ 1,100 rows at 1M dossiers, 3.5 ms); this partial index is
-- already in the inbox's order, so the first page reads 20 index entries.
CREATE INDEX dossiers_inbox ON dossiers (department_id, due_at, id)
  WHERE status IN ('in_progress', 'paused') AND step_index IS NOT NULL;
