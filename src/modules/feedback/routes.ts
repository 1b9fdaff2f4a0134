// Feedback and complaints (phản ánh, kiến nghị; issue 14 item 5): the public form and tracking page, the published
// answers, and the staff workflow (accept, ask for information, assign, answer, publish, reject) with the legal
// deadlines of domain/workflow.ts counted by the center's calendar. Contact details never leave through a public route.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm, PUBLIC } from '../../http/access';
import { limitOf } from '../../http/rate-limits';
import { named } from '../../http/openapi';
import { many, one, withTx, type Queryable } from '../../platform/db';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { audit } from '../../platform/audit';
import { actorCan, scopedCenter, type Actor } from '../auth/actor';
import { findCenter } from '../centers/repo';
import {
  allowedActions,
  FEEDBACK_ACTIONS,
  FeedbackRuleError,
  isOverdue,
  nextDueAt,
  nextStatus,
  type FeedbackAction,
  type FeedbackStatus,
} from './domain/workflow';

const STATUSES = ['received', 'info_requested', 'accepted', 'assigned', 'answered', 'published', 'rejected'] as const;
const OPEN_STATUSES: FeedbackStatus[] = ['received', 'info_requested', 'accepted', 'assigned', 'answered'];
const Status = z.enum(STATUSES);
const Action = z.enum(FEEDBACK_ACTIONS as [FeedbackAction, ...FeedbackAction[]]);

/** The audit action of each step (each has a Vietnamese label in the journal). */
const AUDIT: Record<FeedbackAction, { action: string }> = {
  accept: { action: 'feedback.accept' },
  'request-info': { action: 'feedback.request_info' },
  assign: { action: 'feedback.assign' },
  answer: { action: 'feedback.answer' },
  publish: { action: 'feedback.publish' },
  reject: { action: 'feedback.reject' },
};

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A tracking code hard to guess (32^8): the tracking page shows no personal data, but no one should walk the list. */
function newCode(): string {
  const bytes = randomBytes(8);
  return `PA-${[...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')}`;
}
const CodeParam = z.object({
  code: z.string().trim().toUpperCase().regex(/^PA-[A-Z0-9]{8}$/, 'Mã phản ánh không hợp lệ (dạng PA-XXXXXXXX)'),
});

const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `Tối đa ${max} ký tự`);
const SubmitBody = z.object({
  content: z.string().trim().min(10, 'Nội dung phản ánh cần ít nhất 10 ký tự').max(5000, 'Nội dung phản ánh tối đa 5000 ký tự'),
  contact: z.object({
    fullName: text(120, 'Cần nhập họ và tên'),
    phone: z.string().trim().regex(/^(\+84|0)[0-9]{9,10}$/, 'Số điện thoại không hợp lệ (ví dụ 0912345678)').optional(),
    email: z.email('Địa chỉ e-mail không hợp lệ').max(200).optional(),
  }),
  center: z.string().trim().max(60).optional(),
  dossierCode: z.string().trim().min(5, 'Mã hồ sơ không hợp lệ').max(60, 'Mã hồ sơ không hợp lệ').optional(),
});

const CenterOut = z.object({ code: z.string(), name: z.string() });
const Ref = z.object({ id: z.string(), name: z.string() });

const PublicStatus = named('FeedbackPublicStatus', z.object({
  code: z.string(),
  status: Status,
  center: CenterOut,
  createdAt: z.string(),
  dueAt: z.string().nullable().describe('Hạn của bước đang chờ (theo ngày làm việc)'),
  answer: z.string().nullable().describe('Nội dung trả lời, khi đã công khai'),
  reason: z.string().nullable().describe('Lý do không tiếp nhận'),
  infoRequest: z.string().nullable().describe('Thông tin Trung tâm đề nghị người gửi bổ sung (khi đang chờ bổ sung)'),
  publishedAt: z.string().nullable(),
}));

const ListItem = z.object({
  id: z.string(),
  code: z.string(),
  status: Status,
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  center: CenterOut,
  dossierCode: z.string().nullable(),
  contactName: z.string(),
  excerpt: z.string(),
  department: Ref.nullable(),
  upheld: z.boolean().nullable().describe('Kết luận khi trả lời: true = phản ánh đúng, có cơ sở; false = không có cơ sở; null = chưa trả lời'),
  officer: Ref.nullable().describe('Cán bộ bị phản ánh (người dùng của Trung tâm), nếu có'),
});

const Detail = named('FeedbackDetail', ListItem.extend({
  version: z.number(),
  content: z.string(),
  contact: z.object({ fullName: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  answer: z.string().nullable(),
  reason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  actions: z.array(Action).describe('Thao tác người gọi được làm ở trạng thái hiện tại'),
  departments: z.array(Ref).describe('Các phòng chuyên môn của Trung tâm (để giao xử lý)'),
  officers: z.array(z.object({
    id: z.string(), name: z.string(), unit: z.string().nullable(),
    handledDossier: z.boolean().describe('Đã tiếp nhận, xử lý hoặc trả hồ sơ mà phản ánh nêu'),
  })).describe('Cán bộ của Trung tâm có thể ghi là người bị phản ánh; người đã xử lý hồ sơ được nêu đứng trước'),
  history: z.array(z.object({
    at: z.string(), action: z.string(), actor: z.string().nullable(), fromStatus: Status.nullable(), toStatus: Status,
    note: z.string().nullable(), department: Ref.nullable(), upheld: z.boolean().nullable(), officer: Ref.nullable(),
  })),
}));

interface Row {
  id: string; code: string; center_id: string; center_code: string; center_name: string; dossier_code: string | null;
  contact_name: string; contact_phone: string | null; contact_email: string | null; content: string; status: FeedbackStatus;
  due_at: Date | null; department_id: string | null; department_name: string | null; answer: string | null; reason: string | null;
  published_at: Date | null; created_at: Date; version: number; dossier_id: string | null; upheld: boolean | null;
  officer_id: string | null; officer_name: string | null;
}

const SELECT = `SELECT f.id, f.code, f.center_id, c.code AS center_code, c.name AS center_name, d.code AS dossier_code,
    f.contact_name, f.contact_phone, f.contact_email, f.content, f.status, f.due_at, f.department_id, dep.name AS department_name,
    f.answer, f.reason, f.published_at, f.created_at, f.version, f.dossier_id, f.upheld, f.officer_id, o.full_name AS officer_name
  FROM feedback f JOIN centers c ON c.id = f.center_id LEFT JOIN dossiers d ON d.id = f.dossier_id
  LEFT JOIN departments dep ON dep.id = f.department_id LEFT JOIN users o ON o.id = f.officer_id`;

const excerpt = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

function listItem(r: Row, now: Date): z.infer<typeof ListItem> {
  return {
    id: r.id, code: r.code, status: r.status, dueAt: r.due_at?.toISOString() ?? null, overdue: isOverdue(r.status, r.due_at, now),
    createdAt: r.created_at.toISOString(), center: { code: r.center_code, name: r.center_name }, dossierCode: r.dossier_code,
    contactName: r.contact_name, excerpt: excerpt(r.content),
    department: r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null,
    upheld: r.upheld, officer: r.officer_id ? { id: r.officer_id, name: r.officer_name ?? '' } : null,
  };
}

/** The steps at which the officer concerned may be named: accepting, assigning, answering. */
const OFFICER_STEPS: FeedbackAction[] = ['accept', 'assign', 'answer'];

/** Who may see which feedback: the center's leaders and supervisors all of their center, a department head what was assigned to the department. */
function staffScope(actor: Actor): { centerId: string; departmentId: string | null } {
  const centerId = scopedCenter(actor);
  if (!centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
  if (actorCan(actor, 'feedback.manage')) return { centerId, departmentId: null };
  if (actorCan(actor, 'feedback.answer') && actor.departmentId) return { centerId, departmentId: actor.departmentId };
  throw forbidden();
}

/** Actions the caller may take now: managers every step the status allows, a department head the answer of its own. */
function actionsFor(actor: Actor, r: Pick<Row, 'status' | 'department_id'>): FeedbackAction[] {
  const allowed = allowedActions(r.status);
  if (actorCan(actor, 'feedback.manage')) return allowed;
  if (actorCan(actor, 'feedback.answer') && r.department_id && r.department_id === actor.departmentId && r.status === 'assigned') {
    return allowed.filter((a) => a === 'answer');
  }
  return [];
}

/** The number of open feedback past the deadline of their step, for the dashboard. */
export async function feedbackOverdueCount(db: Queryable, centerIds: string[], departmentId: string | null, now: Date): Promise<number> {
  const r = await one<{ n: number }>(db,
    `SELECT count(*)::int AS n FROM feedback WHERE center_id = ANY($1::uuid[]) AND status = ANY($2::text[]) AND due_at < $3
       AND ($4::uuid IS NULL OR department_id = $4)`, [centerIds, OPEN_STATUSES, now, departmentId]);
  return r!.n;
}

export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config, calendars } = app.deps;
  const STAFF = anyPerm('feedback.manage', 'feedback.answer');

  async function defaultCenterId(): Promise<string> {
    const rows = await many<{ id: string; code: string }>(db, 'SELECT id, code FROM centers WHERE active ORDER BY created_at, code');
    const c = rows.find((r) => r.code === config.defaultCenter) ?? rows[0];
    if (!c) throw notFound('Trung tâm');
    return c.id;
  }

  app.post('/public/feedback', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'publicPost') },
    schema: {
      tags: ['feedback'],
      summary: 'Gửi phản ánh, kiến nghị (công khai): về một hồ sơ, một cán bộ hoặc Trung tâm; trả về mã để theo dõi',
      body: SubmitBody,
      response: { 201: z.object({ code: z.string(), dueAt: z.string().nullable() }) },
    },
  }, async (req, reply) => {
    const b = req.body;
    if (!b.contact.phone && !b.contact.email) {
      throw badRequest('FEEDBACK_CONTACT_REQUIRED', 'Cần để lại số điện thoại hoặc e-mail để Trung tâm trả lời.');
    }
    let centerId: string | null = b.center ? (await findCenter(db, b.center)).id : null;
    let dossierId: string | null = null;
    if (b.dossierCode) {
      const d = await one<{ id: string; center_id: string }>(db, 'SELECT id, center_id FROM dossiers WHERE code = $1', [b.dossierCode.toUpperCase()]);
      if (!d || (centerId && d.center_id !== centerId)) {
        throw badRequest('FEEDBACK_DOSSIER_UNKNOWN', `Không tìm thấy hồ sơ "${b.dossierCode}" tại Trung tâm đã chọn.`);
      }
      dossierId = d.id;
      centerId = d.center_id;
    }
    centerId ??= await defaultCenterId();
    const now = clock.now();
    const { calendar } = await calendars.forCenter(centerId);
    const dueAt = nextDueAt(calendar, 'received', now, null);
    const code = newCode();
    await withTx(db, async (tx) => {
      const row = await one<{ id: string }>(tx,
        `INSERT INTO feedback (code, center_id, dossier_id, contact_name, contact_phone, contact_email, content, status, due_at, created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,'received',$8,$9,$9) RETURNING id`,
        [code, centerId, dossierId, b.contact.fullName, b.contact.phone ?? null, b.contact.email ?? null, b.content, dueAt, now]);
      await tx.query(`INSERT INTO feedback_events (feedback_id, at, actor_id, action, from_status, to_status) VALUES ($1,$2,NULL,'submit',NULL,'received')`, [row!.id, now]);
      await audit(tx, { actorId: null, centerId, action: 'feedback.submit', entity: 'feedback', entityId: row!.id, data: { code, dossier: dossierId !== null } }, now);
    });
    return reply.code(201).send({ code, dueAt: dueAt?.toISOString() ?? null });
  });

  app.get('/public/feedback/:code', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'lookup') },
    schema: {
      tags: ['feedback'],
      summary: 'Tra cứu tình trạng một phản ánh theo mã (công khai, không kèm thông tin cá nhân)',
      params: CodeParam,
      response: { 200: PublicStatus },
    },
  }, async (req) => {
    const r = await one<Row>(db, `${SELECT} WHERE f.code = $1`, [req.params.code]);
    if (!r) throw notFound(`phản ánh "${req.params.code}"`);
    const info = r.status === 'info_requested'
      ? await one<{ note: string | null }>(db, `SELECT note FROM feedback_events WHERE feedback_id = $1 AND action = 'request-info' ORDER BY at DESC, id DESC LIMIT 1`, [r.id])
      : undefined;
    return {
      infoRequest: info?.note ?? null,
      code: r.code, status: r.status, center: { code: r.center_code, name: r.center_name }, createdAt: r.created_at.toISOString(),
      dueAt: OPEN_STATUSES.includes(r.status) ? r.due_at?.toISOString() ?? null : null,
      answer: r.status === 'published' ? r.answer : null, reason: r.status === 'rejected' ? r.reason : null,
      publishedAt: r.published_at?.toISOString() ?? null,
    };
  });

  app.get('/public/feedback', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'lookup') },
    schema: {
      tags: ['feedback'],
      summary: 'Các phản ánh, kiến nghị đã được trả lời công khai (không kèm thông tin liên hệ của người gửi)',
      querystring: z.object({
        center: z.string().max(60).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: {
        200: z.object({
          total: z.number(),
          items: z.array(z.object({ code: z.string(), center: CenterOut, content: z.string(), answer: z.string(), createdAt: z.string(), publishedAt: z.string() })),
        }),
      },
    },
  }, async (req) => {
    const q = req.query;
    const centerId = q.center ? (await findCenter(db, q.center)).id : null;
    const [rows, total] = await Promise.all([
      many<Row>(db, `${SELECT} WHERE f.published AND ($1::uuid IS NULL OR f.center_id = $1) ORDER BY f.published_at DESC, f.code LIMIT $2 OFFSET $3`, [centerId, q.limit, q.offset]),
      one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM feedback WHERE published AND ($1::uuid IS NULL OR center_id = $1)', [centerId]),
    ]);
    return {
      total: total!.n,
      items: rows.map((r) => ({
        code: r.code, center: { code: r.center_code, name: r.center_name }, content: r.content, answer: r.answer ?? '',
        createdAt: r.created_at.toISOString(), publishedAt: r.published_at!.toISOString(),
      })),
    };
  });

  app.get('/feedback', {
    config: { access: STAFF },
    schema: {
      tags: ['feedback'],
      summary: 'Danh sách phản ánh, kiến nghị của Trung tâm (phòng chuyên môn: những phản ánh được giao cho phòng), lọc theo trạng thái, quá hạn',
      querystring: z.object({
        status: Status.optional(),
        overdue: z.enum(['true', 'false', '1', '0']).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: { 200: z.object({ total: z.number(), items: z.array(ListItem) }) },
    },
  }, async (req) => {
    const scope = staffScope(req.actor!);
    const q = req.query;
    const now = clock.now();
    const overdue = q.overdue === undefined ? null : q.overdue === 'true' || q.overdue === '1';
    const where = `f.center_id = $1 AND ($2::uuid IS NULL OR f.department_id = $2) AND ($3::text IS NULL OR f.status = $3)
      AND ($4::boolean IS NULL OR (f.status = ANY($5::text[]) AND f.due_at < $6) = $4)`;
    const params = [scope.centerId, scope.departmentId, q.status ?? null, overdue, OPEN_STATUSES, now];
    const [rows, total] = await Promise.all([
      many<Row>(db, `${SELECT} WHERE ${where} ORDER BY (f.status = ANY($5::text[])) DESC, f.due_at NULLS LAST, f.created_at DESC LIMIT $7 OFFSET $8`, [...params, q.limit, q.offset]),
      one<{ n: number }>(db, `SELECT count(*)::int AS n FROM feedback f WHERE ${where}`, params),
    ]);
    return { total: total!.n, items: rows.map((r) => listItem(r, now)) };
  });

  async function detail(actor: Actor, id: string, q: Queryable = db) {
    const scope = staffScope(actor);
    const r = await one<Row>(q, `${SELECT} WHERE f.id = $1`, [id]);
    if (!r || r.center_id !== scope.centerId || (scope.departmentId && r.department_id !== scope.departmentId)) throw notFound('phản ánh');
    const [events, departments, officers] = await Promise.all([
      many<{ at: Date; action: string; actor: string | null; from_status: FeedbackStatus | null; to_status: FeedbackStatus; note: string | null; department_id: string | null;
        department_name: string | null; upheld: boolean | null; officer_id: string | null; officer_name: string | null }>(q,
        `SELECT e.at, e.action, u.full_name AS actor, e.from_status, e.to_status, e.note, e.department_id, dep.name AS department_name,
           e.upheld, e.officer_id, o.full_name AS officer_name
         FROM feedback_events e LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN departments dep ON dep.id = e.department_id
         LEFT JOIN users o ON o.id = e.officer_id
         WHERE e.feedback_id = $1 ORDER BY e.at, e.id`, [id]),
      many<{ id: string; name: string }>(q, 'SELECT id, name FROM departments WHERE center_id = $1 AND active ORDER BY name', [r.center_id]),
      // The center's officers; those who handled the dossier the feedback names come first (the likely subject).
      many<{ id: string; name: string; unit: string | null; handled: boolean }>(q,
        `SELECT u.id, u.full_name AS name, dep.name AS unit,
           EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = $2 AND e.actor_id = u.id) AS handled
         FROM users u LEFT JOIN departments dep ON dep.id = u.department_id
         WHERE u.center_id = $1 AND u.active ORDER BY 4 DESC, u.full_name`, [r.center_id, r.dossier_id]),
    ]);
    return {
      ...listItem(r, clock.now()), version: r.version, content: r.content,
      contact: { fullName: r.contact_name, phone: r.contact_phone, email: r.contact_email },
      answer: r.answer, reason: r.reason, publishedAt: r.published_at?.toISOString() ?? null,
      actions: actionsFor(actor, r), departments,
      officers: officers.map((o) => ({ id: o.id, name: o.name, unit: o.unit, handledDossier: o.handled })),
      history: events.map((e) => ({
        at: e.at.toISOString(), action: e.action, actor: e.actor, fromStatus: e.from_status, toStatus: e.to_status, note: e.note,
        department: e.department_id ? { id: e.department_id, name: e.department_name ?? '' } : null,
        upheld: e.upheld, officer: e.officer_id ? { id: e.officer_id, name: e.officer_name ?? '' } : null,
      })),
    };
  }

  const IdParam = z.object({ id: z.uuid('Mã phản ánh không hợp lệ') });

  app.get('/feedback/:id', {
    config: { access: STAFF },
    schema: {
      tags: ['feedback'],
      summary: 'Chi tiết một phản ánh, kiến nghị: nội dung, người gửi, thao tác được phép và lịch sử xử lý',
      params: IdParam,
      response: { 200: Detail },
    },
  }, async (req) => detail(req.actor!, req.params.id));

  app.post('/feedback/:id/:action', {
    config: { access: STAFF },
    schema: {
      tags: ['feedback'],
      summary: 'Xử lý phản ánh: tiếp nhận (accept), đề nghị bổ sung thông tin (request-info), giao phòng (assign), trả lời kèm kết luận đúng/không có cơ sở (answer), công khai (publish), không tiếp nhận (reject); có thể ghi cán bộ bị phản ánh khi tiếp nhận, giao hoặc trả lời',
      params: IdParam.extend({ action: Action }),
      body: z.object({
        version: z.number().int().min(1).optional().describe('Phiên bản đang xem: khác phiên bản hiện tại → 409'),
        departmentId: z.uuid('Phòng chuyên môn không hợp lệ').optional(),
        answer: z.string().trim().max(10_000, 'Nội dung trả lời tối đa 10000 ký tự').optional(),
        reason: z.string().trim().max(2000, 'Lý do tối đa 2000 ký tự').optional(),
        note: z.string().trim().max(2000, 'Ghi chú tối đa 2000 ký tự').optional(),
        upheld: z.boolean({ error: 'Kết luận phải là true (phản ánh đúng, có cơ sở) hoặc false (không có cơ sở)' }).optional()
          .describe('Khi trả lời (bắt buộc): true = phản ánh đúng, có cơ sở; false = không có cơ sở'),
        officerId: z.uuid('Cán bộ bị phản ánh không hợp lệ').optional().describe('Cán bộ bị phản ánh (người dùng của Trung tâm); khi tiếp nhận, giao hoặc trả lời'),
      }).default({}),
      response: { 200: Detail },
    },
  }, async (req) => {
    const actor = req.actor!;
    const { id, action } = req.params;
    const b = req.body;
    const scope = staffScope(actor);
    const cur = await one<Row>(db, `${SELECT} WHERE f.id = $1`, [id]);
    if (!cur || cur.center_id !== scope.centerId || (scope.departmentId && cur.department_id !== scope.departmentId)) throw notFound('phản ánh');
    if (b.version !== undefined && b.version !== cur.version) {
      throw conflict('FEEDBACK_CHANGED', 'Phản ánh vừa được người khác cập nhật. Xin tải lại trang rồi thao tác lại.');
    }
    const manager = actorCan(actor, 'feedback.manage');
    if ((!manager && action !== 'answer') || (!actionsFor(actor, cur).includes(action) && allowedActions(cur.status).includes(action))) {
      throw forbidden('Bạn không có quyền thực hiện thao tác này với phản ánh.');
    }
    let to: FeedbackStatus;
    try {
      to = nextStatus(cur.status, action, { answer: b.answer, reason: b.reason, unitId: b.departmentId, upheld: b.upheld });
    } catch (e) {
      if (e instanceof FeedbackRuleError) throw new AppError(e.code === 'INVALID_TRANSITION' ? 409 : 400, `FEEDBACK_${e.code}`, statusMessage(e, cur.status, action));
      throw e;
    }
    if (b.upheld !== undefined && action !== 'answer') {
      throw badRequest('FEEDBACK_VERDICT_NOT_HERE', 'Chỉ kết luận phản ánh đúng hay không có cơ sở khi trả lời.');
    }
    if (b.officerId !== undefined) {
      if (!OFFICER_STEPS.includes(action)) throw badRequest('FEEDBACK_OFFICER_NOT_HERE', 'Chỉ ghi cán bộ bị phản ánh khi tiếp nhận, giao xử lý hoặc trả lời.');
      const officer = await one(db, 'SELECT 1 FROM users WHERE id = $1 AND center_id = $2 AND active', [b.officerId, cur.center_id]);
      if (!officer) throw badRequest('FEEDBACK_OFFICER_UNKNOWN', 'Cán bộ bị phản ánh không thuộc Trung tâm của phản ánh.');
    }
    if (action === 'assign') {
      const dep = await one(db, 'SELECT 1 FROM departments WHERE id = $1 AND center_id = $2 AND active', [b.departmentId, cur.center_id]);
      if (!dep) throw badRequest('FEEDBACK_UNIT_UNKNOWN', 'Phòng chuyên môn không thuộc Trung tâm của phản ánh.');
    }
    const now = clock.now();
    const { calendar } = await calendars.forCenter(cur.center_id);
    const dueAt = nextDueAt(calendar, to, now, cur.due_at);
    await withTx(db, async (tx) => {
      const updated = await one<{ id: string }>(tx,
        `UPDATE feedback SET status = $3, due_at = $4, updated_at = $5, version = version + 1,
           department_id = CASE WHEN $6::uuid IS NOT NULL THEN $6::uuid ELSE department_id END,
           answer = CASE WHEN $7::text IS NOT NULL THEN $7 ELSE answer END,
           reason = CASE WHEN $8::text IS NOT NULL THEN $8 ELSE reason END,
           published = ($3 = 'published'), published_at = CASE WHEN $3 = 'published' THEN $5 ELSE published_at END,
           officer_id = coalesce($9::uuid, officer_id), upheld = coalesce($10::boolean, upheld)
         WHERE id = $1 AND version = $2 RETURNING id`,
        [id, cur.version, to, dueAt, now, action === 'assign' ? b.departmentId : null, action === 'answer' ? b.answer : null, action === 'reject' ? b.reason : null,
          b.officerId ?? null, action === 'answer' ? b.upheld : null]);
      if (!updated) throw conflict('FEEDBACK_CHANGED', 'Phản ánh vừa được người khác cập nhật. Xin tải lại trang rồi thao tác lại.');
      const note = action === 'answer' ? b.answer : action === 'reject' ? b.reason : b.note ?? null;
      await tx.query(`INSERT INTO feedback_events (feedback_id, at, actor_id, action, from_status, to_status, note, department_id, upheld, officer_id)
        VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [id, now, actor.id, action, cur.status, to, note ?? null, action === 'assign' ? b.departmentId : null, action === 'answer' ? b.upheld : null, b.officerId ?? null]);
      await audit(tx, {
        actorId: actor.id, centerId: cur.center_id, action: AUDIT[action].action, entity: 'feedback', entityId: id,
        data: {
          code: cur.code, from: cur.status, to, ...(action === 'assign' ? { departmentId: b.departmentId } : {}),
          ...(action === 'answer' ? { upheld: b.upheld } : {}), ...(b.officerId ? { officerId: b.officerId } : {}),
        },
      }, now);
      // The sender is told (e-mail, else SMS) through the notifications outbox: once per feedback and event.
      if (action === 'publish' || action === 'reject') {
        await tx.query(`INSERT INTO outbox (topic, payload) VALUES ($1, $2)`, [`feedback.${action}`, JSON.stringify({ feedbackId: id, code: cur.code, centerId: cur.center_id })]);
      }
    });
    return detail(actor, id);
  });
};

const STATUS_VI: Record<FeedbackStatus, string> = {
  received: 'mới tiếp nhận', info_requested: 'chờ bổ sung thông tin', accepted: 'đã tiếp nhận', assigned: 'đã giao phòng xử lý',
  answered: 'đã có trả lời', published: 'đã công khai', rejected: 'không tiếp nhận',
};
const ACTION_VI: Record<FeedbackAction, string> = {
  accept: 'tiếp nhận', 'request-info': 'đề nghị bổ sung thông tin', assign: 'giao phòng xử lý', answer: 'trả lời', publish: 'công khai', reject: 'không tiếp nhận',
};
function statusMessage(e: FeedbackRuleError, from: FeedbackStatus, action: FeedbackAction): string {
  if (e.code !== 'INVALID_TRANSITION') return e.message;
  return `Không thể ${ACTION_VI[action]} khi phản ánh đang ở trạng thái "${STATUS_VI[from]}".`;
}
