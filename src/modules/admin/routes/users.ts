import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { named } from '../../../http/openapi';
import { perm } from '../../../http/access';
import { audit } from '../../../platform/audit';
import { many, one, withTx } from '../../../platform/db';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { hashPassword } from '../../../platform/password';
import { disableTwoFactor } from '../../auth/totp';
import { escapeLike, foldVietnamese } from '../../../platform/text';
import { isProvinceWide } from '../../auth/actor';
import { isRole, PERMISSIONS, ROLE_NAMES, ROLE_PERMISSIONS, ROLES } from '../../auth/permissions';
import { RefSchema } from '../../auth/me';
import { sessionsChanged } from '../../auth/session-cache';

const RoleCode = z.string().refine(isRole, 'Vai trò không tồn tại');
const Password = z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự').max(200);

const UserOut = named('User', z.object({
  id: z.string(), username: z.string(), fullName: z.string(), email: z.string(), roles: z.array(z.string()),
  center: RefSchema.nullable(), department: RefSchema.nullable(), active: z.boolean(), lockedUntil: z.string().nullable(),
}));

const CreateUser = z.object({
  username: z.string().trim().min(3, 'Tên đăng nhập tối thiểu 3 ký tự').max(60).regex(/^[a-z0-9._-]+$/i, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch'),
  fullName: z.string().trim().min(2, 'Họ tên quá ngắn').max(200),
  email: z.string().trim().email('E-mail không hợp lệ').max(200).or(z.literal('')).default(''),
  password: Password,
  roles: z.array(RoleCode).min(1, 'Chọn ít nhất một vai trò').max(ROLES.length),
  centerId: z.string().uuid().nullable().default(null),
  departmentId: z.string().uuid().nullable().default(null),
});
const PatchUser = z.object({
  fullName: z.string().trim().min(2).max(200).optional(),
  email: z.string().trim().email('E-mail không hợp lệ').max(200).or(z.literal('')).optional(),
  password: Password.optional(),
  roles: z.array(RoleCode).min(1).max(ROLES.length).optional(),
  centerId: z.string().uuid().nullable().optional(),
  departmentId: z.string().uuid().nullable().optional(),
  active: z.boolean().optional(),
  unlock: z.literal(true).optional(),
  /** The user lost both the phone and the recovery codes: two-factor sign-in off, to enrol again after signing in. */
  resetTwoFactor: z.literal(true).optional(),
});

const SELECT_USER = `SELECT u.id, u.username, u.full_name, u.email, u.roles, u.active, u.locked_until,
    c.id AS c_id, c.code AS c_code, c.name AS c_name, d.id AS d_id, d.code AS d_code, d.name AS d_name
  FROM users u LEFT JOIN centers c ON c.id = u.center_id LEFT JOIN departments d ON d.id = u.department_id`;

type UserRow = { id: string; username: string; full_name: string; email: string; roles: string[]; active: boolean; locked_until: Date | null; c_id: string | null; c_code: string; c_name: string; d_id: string | null; d_code: string; d_name: string };
const present = (r: UserRow) => ({
  id: r.id, username: r.username, fullName: r.full_name, email: r.email, roles: r.roles, active: r.active,
  lockedUntil: r.locked_until ? r.locked_until.toISOString() : null,
  center: r.c_id ? { id: r.c_id, code: r.c_code, name: r.c_name } : null,
  department: r.d_id ? { id: r.d_id, code: r.d_code, name: r.d_name } : null,
});

/** Cross-field rules: a staff role needs a center; a department role needs a department of that center. */
async function checkPlacement(db: import('../../../platform/db').Queryable, roles: string[], centerId: string | null, departmentId: string | null) {
  const wide = roles.every((r) => r === 'admin' || r === 'province_supervisor');
  if (!wide && !centerId) throw badRequest('USER_CENTER_REQUIRED', 'Vai trò này cần được gán cho một Trung tâm.');
  if (roles.some((r) => r === 'specialist' || r === 'department_head') && !departmentId) throw badRequest('USER_DEPARTMENT_REQUIRED', 'Chuyên viên và lãnh đạo phòng cần được gán cho một phòng chuyên môn.');
  if (departmentId) {
    const d = await one<{ center_id: string }>(db, 'SELECT center_id FROM departments WHERE id = $1', [departmentId]);
    if (!d) throw badRequest('USER_DEPARTMENT_UNKNOWN', 'Phòng chuyên môn không tồn tại.');
    if (d.center_id !== centerId) throw badRequest('USER_DEPARTMENT_OTHER_CENTER', 'Phòng chuyên môn không thuộc Trung tâm đã chọn.');
  }
}

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/admin/roles', {
    config: { access: perm('users.manage') },
    schema: { tags: ['admin'], summary: 'Vai trò và quyền', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), permissions: z.array(z.string()) })), permissions: z.array(z.string()) }) } },
  }, async () => ({
    items: ROLES.map((r) => ({ code: r, name: ROLE_NAMES[r].vi, nameEn: ROLE_NAMES[r].en, permissions: [...ROLE_PERMISSIONS[r]] })),
    permissions: [...PERMISSIONS],
  }));

  app.get('/admin/users', {
    config: { access: perm('users.manage') },
    schema: {
      tags: ['admin'], summary: 'Danh sách tài khoản',
      querystring: z.object({ q: z.string().max(100).optional(), center: z.string().uuid().optional(), role: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
      response: { 200: z.object({ items: z.array(UserOut), total: z.number() }) },
    },
  }, async (req) => {
    const where: string[] = [];
    const params: unknown[] = [];
    const actor = req.actor!;
    // An administrator without province-wide scope manages only their own center's accounts.
    const center = isProvinceWide(actor) ? req.query.center : actor.centerId;
    if (center) { params.push(center); where.push(`u.center_id = $${params.length}`); }
    if (req.query.role) { params.push(req.query.role); where.push(`$${params.length} = ANY(u.roles)`); }
    if (req.query.q) { params.push(`%${escapeLike(foldVietnamese(req.query.q))}%`); where.push(`(f_fold(u.username) LIKE $${params.length} OR f_fold(u.full_name) LIKE $${params.length})`); }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = await one<{ n: number }>(app.deps.db, `SELECT count(*)::int AS n FROM users u ${w}`, params);
    const rows = await many<UserRow>(app.deps.db, `${SELECT_USER} ${w} ORDER BY u.username LIMIT ${req.query.limit} OFFSET ${req.query.offset}`, params);
    return { items: rows.map(present), total: total?.n ?? 0 };
  });

  app.post('/admin/users', {
    config: { access: perm('users.manage') },
    schema: { tags: ['admin'], summary: 'Tạo tài khoản', body: CreateUser, response: { 201: UserOut } },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const b = req.body;
    await checkPlacement(db, b.roles, b.centerId, b.departmentId);
    const hash = await hashPassword(b.password);
    const id = await withTx(db, async (tx) => {
      const exists = await one(tx, 'SELECT 1 FROM users WHERE lower(username) = lower($1)', [b.username]);
      if (exists) throw conflict('USER_DUPLICATE', `Tên đăng nhập "${b.username}" đã được dùng.`);
      const r = await one<{ id: string }>(tx, `INSERT INTO users (username, full_name, email, password_hash, roles, center_id, department_id)
        VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`, [b.username, b.fullName, b.email, hash, b.roles, b.centerId, b.departmentId]);
      await audit(tx, { actorId: req.actor!.id, centerId: b.centerId, action: 'user.create', entity: 'user', entityId: r!.id, data: { username: b.username, roles: b.roles } }, clock.now());
      return r!.id;
    });
    const row = await one<UserRow>(db, `${SELECT_USER} WHERE u.id = $1`, [id]);
    return reply.code(201).send(present(row!));
  });

  app.patch('/admin/users/:id', {
    config: { access: perm('users.manage') },
    schema: { tags: ['admin'], summary: 'Sửa tài khoản (vai trò, đơn vị, khóa/mở, đặt lại mật khẩu)', params: z.object({ id: z.string().uuid('Mã tài khoản không hợp lệ') }), body: PatchUser, response: { 200: UserOut } },
  }, async (req) => {
    const { db, clock } = app.deps;
    const b = req.body;
    const cur = await one<{ roles: string[]; center_id: string | null; department_id: string | null }>(db, 'SELECT roles, center_id, department_id FROM users WHERE id = $1', [req.params.id]);
    if (!cur) throw notFound('tài khoản');
    if (req.params.id === req.actor!.id && (b.active === false || (b.roles && !b.roles.includes('admin')))) {
      throw badRequest('USER_SELF_LOCKOUT', 'Không thể tự vô hiệu hóa hoặc bỏ quyền quản trị của chính mình.');
    }
    const roles = b.roles ?? cur.roles;
    const centerId = b.centerId !== undefined ? b.centerId : cur.center_id;
    const departmentId = b.departmentId !== undefined ? b.departmentId : cur.department_id;
    await checkPlacement(db, roles, centerId, departmentId);
    const hash = b.password ? await hashPassword(b.password) : null;
    await withTx(db, async (tx) => {
      await tx.query(
        `UPDATE users SET full_name = coalesce($2, full_name), email = coalesce($3, email), roles = $4, center_id = $5, department_id = $6,
           active = coalesce($7, active), password_hash = coalesce($8, password_hash),
           failed_attempts = CASE WHEN $9 THEN 0 ELSE failed_attempts END, locked_until = CASE WHEN $9 THEN NULL ELSE locked_until END,
           updated_at = now() WHERE id = $1`,
        [req.params.id, b.fullName ?? null, b.email ?? null, roles, centerId, departmentId, b.active ?? null, hash, b.unlock === true],
      );
      // A password reset or deactivation ends the account's open sessions; any change (roles, placement) reaches
      // the cached sessions of every instance.
      if (hash || b.active === false) await tx.query('DELETE FROM sessions WHERE user_id = $1', [req.params.id]);
      if (b.resetTwoFactor) await disableTwoFactor(tx, req.params.id);
      await sessionsChanged(tx, { userId: req.params.id }, app.sessionCache);
      await audit(tx, { actorId: req.actor!.id, centerId, action: 'user.update', entity: 'user', entityId: req.params.id, data: { ...b, password: b.password ? '***' : undefined } }, clock.now());
    });
    const row = await one<UserRow>(db, `${SELECT_USER} WHERE u.id = $1`, [req.params.id]);
    return present(row!);
  });
};
