// The service index indicators the center itself determines (Decision 766/QĐ-TTg; issue 14 item 7), each with its
// formula in words and the dossiers (or procedures) behind it. An indicator the data cannot support says so — never a
// number made up to fill the cell.
import type { Queryable } from '../../platform/db';
import { many, one } from '../../platform/db';
import type { CalendarService } from '../calendar/service';
import { closedOnTime, type FeedbackStatus } from '../feedback/domain/workflow';
import { boundsOf, type Period } from './domain';
import type { ReportScope } from './scope';
import * as q from './sql';

export type ItemKind = 'dossier' | 'procedure' | 'feedback';

export interface IndexFigure {
  key: string;
  group: string;
  name: string;
  formula: string;
  available: boolean;
  numerator: number | null;
  denominator: number | null;
  /** Percent, one decimal; null when not available or nothing to divide by. */
  value: number | null;
  note: string | null;
  itemKind: ItemKind;
  /** What the figure counts: `counted` is in the numerator; the rest are only in the denominator. Capped. */
  items: { code: string; counted: boolean }[];
  itemsTotal: number;
}

export interface Index766 {
  from: string;
  to: string;
  asOf: string;
  center: { id: string; code: string; name: string } | null;
  department: { id: string; name: string } | null;
  figures: IndexFigure[];
}

export const ITEMS_CAP = 500;
const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);

type Item = { code: string; counted: boolean };

function figure(base: Omit<IndexFigure, 'numerator' | 'denominator' | 'value' | 'items' | 'itemsTotal' | 'available'>, rows: Item[]): IndexFigure {
  const numerator = rows.filter((r) => r.counted).length;
  // Counted first, so a capped list still shows what the numerator holds.
  const sorted = [...rows].sort((a, b) => Number(b.counted) - Number(a.counted) || a.code.localeCompare(b.code));
  return {
    ...base, available: true, numerator, denominator: rows.length, value: pct(numerator, rows.length),
    items: sorted.slice(0, ITEMS_CAP), itemsTotal: rows.length,
  };
}

// A withdrawal ends the dossier too ("dừng xử lý"): on time when it came by the legal due date — or, withdrawn while
// waiting for the applicant's supplement, when that wait began by it (the clock stood still since).
const ON_TIME_END = `(d.outcome IN ('early', 'on_time')
  OR (d.outcome = 'withdrawn' AND NOT d.late_by_supplement AND coalesce(d.paused_at, d.ended_at) <= coalesce(d.original_due_at, d.due_at)))`;

// Feedback closed in the period (answer published, or rejected) in the scope: the center's, or — for a department —
// the feedback assigned to it. Each is judged by replaying its events (feedback/domain closedOnTime).
async function feedbackClosed(db: Queryable, calendars: CalendarService, scope: ReportScope, start: Date, end: Date): Promise<Item[]> {
  const rows = await many<{ code: string; center_id: string; events: { at: string; to: FeedbackStatus }[] }>(db,
    `SELECT f.code, f.center_id, (SELECT json_agg(json_build_object('at', e.at, 'to', e.to_status) ORDER BY e.at, e.id)
        FROM feedback_events e WHERE e.feedback_id = f.id) AS events
      FROM feedback f
      WHERE f.center_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR f.department_id = $2) AND f.status IN ('published', 'rejected')
        AND coalesce(f.published_at, (SELECT max(e.at) FROM feedback_events e WHERE e.feedback_id = f.id AND e.to_status = 'rejected')) >= $3
        AND coalesce(f.published_at, (SELECT max(e.at) FROM feedback_events e WHERE e.feedback_id = f.id AND e.to_status = 'rejected')) < $4`,
    [scope.centerIds, scope.departmentId, start, end]);
  const cals = new Map<string, Awaited<ReturnType<CalendarService['forCenter']>>['calendar']>();
  const items: Item[] = [];
  for (const r of rows) {
    if (!cals.has(r.center_id)) cals.set(r.center_id, (await calendars.forCenter(r.center_id)).calendar);
    const ok = closedOnTime(cals.get(r.center_id)!, (r.events ?? []).map((e) => ({ at: new Date(e.at), toStatus: e.to })));
    items.push({ code: r.code, counted: ok === true });
  }
  return items;
}

export async function index766(db: Queryable, calendars: CalendarService, scope: ReportScope, period: Period, now: Date): Promise<Index766> {
  const p = boundsOf(period, now);
  const sc = q.inScope(scope);
  const run = async (fr: q.Fragment) => {
    const n = q.numbered(fr);
    return many<Item>(db, n.sql, n.values);
  };
  const endedIn = q.and(sc, q.f('d.ended_at >= ? AND d.ended_at < ?', p.start, p.end));
  const receivedIn = q.and(sc, q.f('d.received_at >= ? AND d.received_at < ?', p.start, p.end));
  const settledIn = q.and(sc, q.f(`d.settled_at >= ? AND d.settled_at < ? AND d.outcome IN ('early', 'on_time', 'late') AND NOT d.rejected`, p.start, p.end));
  const DOC_FILES = `EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.kind = 'document')`;
  const EVERY_DOC = `NOT EXISTS (SELECT 1 FROM jsonb_array_elements(d.checklist) WITH ORDINALITY c(item, i)
      WHERE coalesce((c.item ->> 'presented')::boolean, false)
        AND NOT EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.kind = 'document' AND f.checklist_index = c.i - 1))`;
  const evScope = q.and(sc, q.f('ev.submitted_at >= ? AND ev.submitted_at < ?', p.start, p.end));

  const [ended, procs, received, digitized, results, reused, evals, points, feedback] = await Promise.all([
    run({ sql: `SELECT d.code, ${ON_TIME_END} AS counted FROM dossiers d WHERE ${endedIn.sql}`, values: endedIn.values }),
    many<Item>(db, `SELECT code, online_level >= 3 AS counted FROM procedures WHERE active`),
    run({ sql: `SELECT d.code, d.channel = 'online' AS counted FROM dossiers d WHERE ${receivedIn.sql}`, values: receivedIn.values }),
    run({ sql: `SELECT d.code, (${DOC_FILES} AND ${EVERY_DOC}) AS counted FROM dossiers d WHERE ${receivedIn.sql}`, values: receivedIn.values }),
    run({ sql: `SELECT d.code, EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.kind = 'result') AS counted FROM dossiers d WHERE ${settledIn.sql}`, values: settledIn.values }),
    run({ sql: `SELECT d.code, EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.reused_from IS NOT NULL) AS counted FROM dossiers d WHERE ${receivedIn.sql}`, values: receivedIn.values }),
    run({ sql: `SELECT d.code, true AS counted FROM evaluations ev JOIN dossiers d ON d.id = ev.dossier_id WHERE ${evScope.sql}`, values: evScope.values }),
    (async () => {
      const n = q.numbered({ sql: `SELECT coalesce(sum(a.value::int) FILTER (WHERE a.value::int >= 0), 0)::int AS points,
          (count(*) FILTER (WHERE a.value::int >= 0))::int AS answered
        FROM evaluations ev JOIN dossiers d ON d.id = ev.dossier_id CROSS JOIN LATERAL jsonb_each_text(ev.answers) a(question, value) WHERE ${evScope.sql}`, values: evScope.values });
      return (await one<{ points: number; answered: number }>(db, n.sql, n.values))!;
    })(),
    feedbackClosed(db, calendars, scope, p.start, p.end),
  ]);

  const satisfaction: IndexFigure = {
    key: '5.4', group: 'Mức độ hài lòng', name: 'Mức độ hài lòng của người dân, doanh nghiệp',
    formula: 'Tổng điểm các câu được trả lời trong các phiếu đánh giá gửi trong kỳ ÷ (2 điểm × số câu được trả lời) × 100%. Câu chọn "không sử dụng" không tính.',
    available: evals.length > 0, numerator: points.points, denominator: points.answered * 2,
    value: pct(points.points, points.answered * 2),
    note: evals.length ? `${evals.length} phiếu đánh giá, ${points.answered} câu được trả lời.` : 'Chưa có phiếu đánh giá nào trong kỳ.',
    itemKind: 'dossier', items: [...evals].sort((a, b) => a.code.localeCompare(b.code)).slice(0, ITEMS_CAP), itemsTotal: evals.length,
  };

  return {
    from: period.from, to: period.to, asOf: p.asOf.toISOString(),
    center: scope.center ? { id: scope.center.id, code: scope.center.code, name: scope.center.name } : null,
    department: scope.department,
    figures: [
      figure({
        key: '2.1', group: 'Tiến độ giải quyết', name: 'Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn', itemKind: 'dossier',
        formula: 'Hồ sơ kết thúc trong kỳ trước hoặc đúng hạn ÷ hồ sơ kết thúc trong kỳ × 100%. Kết thúc là mốc sớm nhất trong: có kết quả (hoặc quyết định không giải quyết), trả kết quả, dừng xử lý (rút hồ sơ). Hạn là hạn luật định, đã cộng lại thời gian người nộp bổ sung hồ sơ; gia hạn không dời hạn này. Hồ sơ phải yêu cầu bổ sung từ lần thứ hai tính là trễ hạn. Hồ sơ rút khi đang chờ bổ sung tính theo lúc bắt đầu chờ.',
        note: null,
      }, ended),
      figure({
        key: '3.1', group: 'Dịch vụ công trực tuyến', name: 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến', itemKind: 'procedure',
        formula: 'Thủ tục đang áp dụng có mức độ trực tuyến 3 (một phần) hoặc 4 (toàn trình) ÷ thủ tục đang áp dụng × 100%.',
        note: 'Mức độ trực tuyến lấy theo danh mục thủ tục của phần mềm; danh mục dùng chung cho các Trung tâm trong tỉnh.',
      }, procs),
      figure({
        key: '3.3', group: 'Dịch vụ công trực tuyến', name: 'Tỷ lệ hồ sơ nộp trực tuyến', itemKind: 'dossier',
        formula: 'Hồ sơ tiếp nhận trong kỳ qua kênh trực tuyến ÷ hồ sơ tiếp nhận trong kỳ × 100%.',
        note: null,
      }, received),
      figure({
        key: '4.2', group: 'Số hóa hồ sơ', name: 'Tỷ lệ hồ sơ được số hóa thành phần hồ sơ', itemKind: 'dossier',
        formula: 'Hồ sơ tiếp nhận trong kỳ có tệp số hóa cho mọi thành phần hồ sơ đã nộp ÷ hồ sơ tiếp nhận trong kỳ × 100%.',
        note: null,
      }, digitized),
      figure({
        key: '4.2b', group: 'Số hóa hồ sơ', name: 'Tỷ lệ kết quả giải quyết được số hóa', itemKind: 'dossier',
        formula: 'Hồ sơ có kết quả giải quyết trong kỳ có tệp kết quả đính kèm ÷ hồ sơ có kết quả giải quyết trong kỳ × 100%. Hồ sơ bị từ chối giải quyết hoặc rút không tính.',
        note: null,
      }, results),
      figure({
        key: '4.3', group: 'Số hóa hồ sơ', name: 'Tỷ lệ khai thác, sử dụng lại dữ liệu đã số hóa', itemKind: 'dossier',
        formula: 'Hồ sơ tiếp nhận trong kỳ có ít nhất một thành phần dùng lại tệp đã số hóa của hồ sơ trước ÷ hồ sơ tiếp nhận trong kỳ × 100%.',
        note: null,
      }, reused),
      figure({
        key: '5.2', group: 'Mức độ hài lòng', name: 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn', itemKind: 'feedback',
        formula: 'Phản ánh, kiến nghị kết thúc trong kỳ (công khai trả lời hoặc không tiếp nhận) mà mọi bước đều đúng hạn ÷ phản ánh, kiến nghị kết thúc trong kỳ × 100%. Hạn từng bước tính theo ngày làm việc từ bước trước: tiếp nhận 2 ngày, trả lời 15 ngày kể từ khi tiếp nhận (giao phòng chuyên môn không cộng thêm), công khai 2 ngày sau khi trả lời. Thời gian chờ người phản ánh bổ sung thông tin không tính. Phòng chuyên môn: phản ánh được giao cho phòng.',
        note: null,
      }, feedback),
      satisfaction,
    ],
  };
}
