// Generates realistic dossier volume straight in SQL: 2 centers × 3 years of weekdays × 640 a day ≈ 1,000,000 dossiers, with
// applicants, a status mix by age (old ones returned, recent ones open, some overdue) and the procedures' real
// workflows. Used by bench/dossiers.ts; run alone with `npx tsx bench/dossiers-data.ts <DATABASE_URL> [perDay]`.
import pg from 'pg';

export async function generateDossiers(url: string, perDay = 640, days = 1095, log = console.log): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = Date.now();
  await c.query('SET synchronous_commit = off');
  // Applicant records belong to a center (migration 013): half of them at each of the two centers, in blocks of
  // 1,600 (one whole cycle of the generated names, so both centers have the same mix of names).
  const applicants = Math.round((perDay * days * 2) / 3);
  const perCenter = Math.round(applicants / 2);
  await c.query(`INSERT INTO applicants (center_id, kind, full_name, id_number, phone, address)
    SELECT ce.id, 'person',
      (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Phan','Võ','Đặng','Bùi','Hồ'])[1 + i % 10] || ' ' ||
      (ARRAY['Văn','Thị','Đức','Thị Thu','Minh','Quang','Thị Mai','Hữu'])[1 + (i / 10) % 8] || ' ' ||
      (ARRAY['An','Bình','Cường','Dung','Hà','Hải','Hạnh','Hiếu','Hoa','Hùng','Hương','Khánh','Lan','Long','Mai','Nam','Ngọc','Phúc','Quân','Tâm'])[1 + (i / 80) % 20],
      lpad((46000000000 + i)::text, 12, '0'), '09' || lpad((i % 100000000)::text, 8, '0'), 'Thừa Thiên Huế'
    FROM (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM centers) ce, generate_series(1, $1::int) i
    WHERE ((i - 1) / 1600) % 2 = ce.k ON CONFLICT DO NOTHING`, [applicants]);
  log(`  applicants: ${applicants} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = Date.now();
  const { rows: [{ first }] } = await c.query<{ first: string }>(`SELECT min(id_number) AS first FROM applicants`);
  void first;
  const r = await c.query(`
    WITH p AS (SELECT row_number() OVER (ORDER BY code) - 1 AS k, code, field_code, time_unit, time_value, workflow FROM procedures),
         pc AS (SELECT count(*) AS n FROM p),
         a AS (SELECT min(id_number)::bigint AS lo FROM applicants WHERE id_number LIKE '0460%'),
         g AS (
           SELECT ce.id AS center_id, ce.code AS unit, ce.k AS ck, day::date AS day, n,
                  (n * 7 + (day::date - date '2020-01-01') * 13) % (SELECT n FROM pc) AS k
             FROM (SELECT id, code, row_number() OVER (ORDER BY code) - 1 AS k FROM centers) ce, generate_series(current_date - $2::int, current_date - 1, interval '1 day') AS day, generate_series(1, $1::int) AS n
            WHERE extract(isodow FROM day) < 6)
    INSERT INTO dossiers (code, daily_number, center_id, procedure_code, field_code, department_id, applicant_id, applicant, channel, status,
      time_limit, workflow, step_index, holder, checklist, registered_at, received_at, receipt_day, due_at, settled_at, returned_at, closed_at, version, outcome)
    SELECT g.unit || '-' || to_char(g.day, 'YYMMDD') || '-' || lpad(g.n::text, 4, '0'), g.n, g.center_id, p.code, p.field_code, dep.id, ap.id,
      jsonb_build_object('kind', 'person', 'fullName', ap.full_name, 'idNumber', ap.id_number, 'dateOfBirth', NULL, 'phone', ap.phone, 'email', '',
        'address', ap.address, 'orgName', NULL, 'taxCode', NULL),
      (ARRAY['direct','direct','online','post'])[1 + g.n % 4], s.status,
      jsonb_build_object('unit', p.time_unit, 'value', p.time_value), p.workflow,
      CASE WHEN s.status IN ('in_progress','paused') THEN 1 + g.n % 2 WHEN s.status IN ('resolved','returned','rejected') THEN jsonb_array_length(p.workflow) - 1 END,
      CASE WHEN s.status IN ('in_progress') THEN 'department' WHEN s.status = 'paused' THEN 'applicant' ELSE 'center' END,
      '[]'::jsonb, t.reg, t.reg, g.day, t.due,
      CASE WHEN s.status IN ('resolved','returned','rejected') THEN t.settled END,
      CASE WHEN s.status = 'returned' THEN t.due + interval '1 day' END,
      CASE WHEN s.status IN ('returned','withdrawn') THEN t.due + interval '1 day' END, 3,
      -- How it ended, as the write path records it (reports/domain settlementOutcome): late after the due date,
      -- early before the due day's office hours.
      CASE WHEN s.status = 'withdrawn' THEN 'withdrawn'
           WHEN s.status IN ('resolved','returned','rejected') THEN CASE
             WHEN t.settled > t.due THEN 'late'
             WHEN t.settled < (date_trunc('day', t.due AT TIME ZONE 'Asia/Ho_Chi_Minh') + interval '7 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh' THEN 'early'
             ELSE 'on_time' END END
    FROM g JOIN p ON p.k = g.k
      JOIN departments dep ON dep.center_id = g.center_id AND p.field_code = ANY(dep.field_codes)
      CROSS JOIN LATERAL (SELECT (g.n * 7919 + (g.day - date '2020-01-01') * 104729) % $3::int AS j) pick
      JOIN applicants ap ON ap.center_id = g.center_id
        AND ap.id_number = lpad(((SELECT lo FROM a) + (pick.j / 1600) * 3200 + g.ck * 1600 + pick.j % 1600)::text, 12, '0')
      CROSS JOIN LATERAL (SELECT (g.day + time '07:30' + (g.n % 480) * interval '1 minute') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS reg) r0
      CROSS JOIN LATERAL (SELECT r0.reg AS reg, r0.reg + CASE p.time_unit WHEN 'same_day' THEN interval '8 hours' ELSE p.time_value * interval '1.4 days' END AS due) t0
      CROSS JOIN LATERAL (SELECT t0.reg, t0.due, t0.reg + (t0.due - t0.reg) * (0.3 + (g.n % 10) / 8.0) AS settled) t
      CROSS JOIN LATERAL (SELECT CASE
          WHEN g.day < current_date - 60 THEN (CASE WHEN g.n % 50 = 0 THEN 'withdrawn' WHEN g.n % 40 = 1 THEN 'rejected' ELSE 'returned' END)
          WHEN g.day < current_date - 20 THEN (CASE WHEN g.n % 5 = 0 THEN 'resolved' WHEN g.n % 9 = 0 THEN 'in_progress' ELSE 'returned' END)
          ELSE (ARRAY['received','in_progress','in_progress','paused','resolved','returned'])[1 + g.n % 6] END AS status) s
    ON CONFLICT (code) DO NOTHING`, [perDay, days, perCenter]);
  await c.query(`INSERT INTO dossier_sequences (unit_code, day, last_value)
    SELECT ce.code, d.day, $1 FROM centers ce, generate_series(current_date - $2::int, current_date - 1, interval '1 day') AS d(day) ON CONFLICT DO NOTHING`, [perDay, days]);
  // A database in service is vacuumed by autovacuum; without it, index-only scans (counts) would visit the heap.
  await c.query('VACUUM ANALYZE dossiers');
  await c.query('VACUUM ANALYZE applicants');
  log(`  dossiers: ${r.rowCount} in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  await c.end();
  return r.rowCount ?? 0;
}

if (process.argv[1]?.endsWith('dossiers-data.ts') && process.argv[2]) {
  await generateDossiers(process.argv[2], Number(process.argv[3] ?? 640));
}
