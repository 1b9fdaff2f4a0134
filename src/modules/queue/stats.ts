import { loadExcel } from '../../platform/excel';
import { many, type Queryable } from '../../platform/db';

// Queue statistics per day, week, month, field, counter or staff member: tickets, served, no-shows, and the
// average and 90th percentile of the wait (issue → first call) and of the service (start, or call, → finish).

export const GROUP_BY = ['day', 'week', 'month', 'field', 'counter', 'staff'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

const GROUPS: Record<GroupBy, { key: string; label: string; sort: string; title: string }> = {
  day: { key: `to_char(t.day, 'YYYY-MM-DD')`, label: `to_char(t.day, 'DD/MM/YYYY')`, sort: `to_char(t.day, 'YYYY-MM-DD')`, title: 'Ngày' },
  week: { key: `to_char(t.day, 'IYYY-"W"IW')`, label: `'Tuần ' || to_char(t.day, 'IW/IYYY')`, sort: `to_char(t.day, 'IYYY-"W"IW')`, title: 'Tuần' },
  month: { key: `to_char(t.day, 'YYYY-MM')`, label: `'Tháng ' || to_char(t.day, 'MM/YYYY')`, sort: `to_char(t.day, 'YYYY-MM')`, title: 'Tháng' },
  field: { key: `coalesce(t.field_code, t.queue_code)`, label: `coalesce(f.name, g.name, t.queue_code)`, sort: `coalesce(f.no, 1000)::text || coalesce(t.field_code, t.queue_code)`, title: 'Lĩnh vực' },
  counter: { key: `coalesce(k.number::text, '-')`, label: `coalesce(k.name, 'Chưa gọi')`, sort: `lpad(coalesce(k.number, 9999)::text, 4, '0')`, title: 'Quầy' },
  staff: { key: `coalesce(u.username, '-')`, label: `coalesce(u.full_name, 'Chưa phục vụ')`, sort: `coalesce(u.full_name, 'zzz')`, title: 'Cán bộ' },
};

export interface StatsRow {
  key: string;
  label: string;
  tickets: number;
  served: number;
  noShows: number;
  avgWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
  p90ServiceMinutes: number | null;
}

const round1 = (x: number | string | null) => (x === null ? null : Math.round(Number(x) * 10) / 10);

async function query(q: Queryable, centerId: string | null, from: string, to: string, g: { key: string; label: string; sort: string }): Promise<StatsRow[]> {
  const rows = await many<{ key: string; label: string; tickets: number; served: number; no_shows: number; avg_wait: number | null; p90_wait: number | null; avg_service: number | null; p90_service: number | null }>(q,
    `SELECT ${g.key} AS key, ${g.label} AS label, count(*)::int AS tickets,
        count(*) FILTER (WHERE t.status = 'done')::int AS served, count(*) FILTER (WHERE t.status = 'no_show')::int AS no_shows,
        avg(t.w) AS avg_wait, percentile_cont(0.9) WITHIN GROUP (ORDER BY t.w) AS p90_wait,
        avg(t.s) AS avg_service, percentile_cont(0.9) WITHIN GROUP (ORDER BY t.s) AS p90_service
       FROM (SELECT q.*, extract(epoch FROM q.first_called_at - q.issued_at) / 60 AS w,
                    CASE WHEN q.status = 'done' THEN extract(epoch FROM q.finished_at - coalesce(q.served_started_at, q.called_at)) / 60 END AS s
               FROM queue_tickets q WHERE ($1::uuid IS NULL OR q.center_id = $1) AND q.day BETWEEN $2 AND $3) t
       LEFT JOIN fields f ON f.code = t.field_code LEFT JOIN queue_service_groups g ON g.id = t.group_id
       LEFT JOIN counters k ON k.id = t.counter_id LEFT JOIN users u ON u.id = coalesce(t.served_by, t.called_by)
      GROUP BY 1, 2 ORDER BY min(${g.sort}), 1`, [centerId, from, to]);
  return rows.map((r) => ({
    key: r.key, label: r.label, tickets: r.tickets, served: r.served, noShows: r.no_shows,
    avgWaitMinutes: round1(r.avg_wait), p90WaitMinutes: round1(r.p90_wait), avgServiceMinutes: round1(r.avg_service), p90ServiceMinutes: round1(r.p90_service),
  }));
}

export async function queueStats(q: Queryable, centerId: string | null, from: string, to: string, groupBy: GroupBy) {
  const items = await query(q, centerId, from, to, GROUPS[groupBy]);
  const [total] = await query(q, centerId, from, to, { key: `'total'`, label: `'Tổng cộng'`, sort: `''` });
  const empty: StatsRow = { key: 'total', label: 'Tổng cộng', tickets: 0, served: 0, noShows: 0, avgWaitMinutes: null, p90WaitMinutes: null, avgServiceMinutes: null, p90ServiceMinutes: null };
  return { from, to, groupBy, items, total: total ?? empty };
}

export async function statsToXlsx(s: Awaited<ReturnType<typeof queueStats>>, centerName: string): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Thống kê hàng đợi', { views: [{ state: 'frozen', ySplit: 4 }] });
  const dmy = (d: string) => d.split('-').reverse().join('/');
  ws.addRow([`Thống kê lấy số thứ tự — ${centerName}`]).font = { bold: true, size: 14 };
  ws.addRow([`Từ ngày ${dmy(s.from)} đến ngày ${dmy(s.to)}`]);
  ws.addRow([]);
  ws.addRow([GROUPS[s.groupBy].title, 'Số phiếu', 'Đã phục vụ', 'Vắng mặt', 'Chờ trung bình (phút)', 'Chờ, 9/10 phiếu không quá (phút)', 'Phục vụ trung bình (phút)', 'Phục vụ, 9/10 phiếu không quá (phút)']).font = { bold: true };
  const line = (r: StatsRow) => [r.label, r.tickets, r.served, r.noShows, r.avgWaitMinutes, r.p90WaitMinutes, r.avgServiceMinutes, r.p90ServiceMinutes];
  for (const r of s.items) ws.addRow(line(r));
  ws.addRow(line(s.total)).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 36 : 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
