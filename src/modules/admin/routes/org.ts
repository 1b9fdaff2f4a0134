import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { named } from '../../../http/openapi';
import { perm, PUBLIC } from '../../../http/access';
import { audit } from '../../../platform/audit';
import { many, one, withTx } from '../../../platform/db';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { patchOf } from '../../../http/patch';
import type { CenterSettings } from '../../centers/repo';

const Id = z.object({ id: z.string().uuid('Mã không hợp lệ') });
const FieldCodes = z.array(z.string().trim().toUpperCase().regex(/^[A-Z]{2,4}$/, 'Mã lĩnh vực không hợp lệ')).max(20);

const CenterOut = named('Center', z.object({
  id: z.string(), code: z.string(), name: z.string(), shortName: z.string(), level: z.enum(['province', 'district', 'commune']), address: z.string(), phone: z.string(), email: z.string(),
  saturdayMorningOpen: z.boolean(),
  saturdayMorningCounts: z.boolean().describe('Sáng thứ Bảy tính vào thời hạn (giờ làm việc của thời hạn tính theo giờ, ngày làm việc của thời hạn tính theo ngày)'),
  evaluationAutoInvite: z.boolean().describe('Tự động mời đánh giá: khi trả kết quả tại quầy có máy tính bảng đánh giá, hồ sơ được đưa lên máy'),
  active: z.boolean(),
}));
const CenterIn = z.object({
  code: z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9.-]+$/, 'Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch'),
  name: z.string().trim().min(5, 'Tên Trung tâm quá ngắn').max(300),
  shortName: z.string().trim().min(2).max(120),
  level: z.enum(['province', 'district', 'commune']),
  address: z.string().max(300).default(''),
  phone: z.string().max(40).default(''),
  email: z.string().max(200).default(''),
  saturdayMorningOpen: z.boolean().default(true),
  saturdayMorningCounts: z.boolean().default(false),
  evaluationAutoInvite: z.boolean().default(true),
  active: z.boolean().default(true),
});
const DepartmentOut = named('Department', z.object({ id: z.string(), code: z.string(), name: z.string(), fieldCodes: z.array(z.string()), active: z.boolean() }));
const DepartmentIn = z.object({ code: z.string().trim().min(1).max(40), name: z.string().trim().min(3).max(300), fieldCodes: FieldCodes.default([]), active: z.boolean().default(true) });
const CounterOut = named('CounterSetup', z.object({ id: z.string(), number: z.number(), name: z.string(), fieldCodes: z.array(z.string()), active: z.boolean() }));
const CounterIn = z.object({ number: z.number().int().min(1).max(999), name: z.string().trim().min(1).max(200), fieldCodes: FieldCodes.min(1, 'Quầy phải phục vụ ít nhất một lĩnh vực'), active: z.boolean().default(true) });

type CenterRow = { id: string; code: string; name: string; short_name: string; level: 'province' | 'district' | 'commune'; address: string; phone: string; email: string; settings: CenterSettings; active: boolean; created_at: Date };
const presentCenter = (r: CenterRow) => ({
  id: r.id, code: r.code, name: r.name, shortName: r.short_name, level: r.level, address: r.address, phone: r.phone, email: r.email,
  saturdayMorningOpen: r.settings?.saturdayMorningOpen !== false,
  saturdayMorningCounts: r.settings?.saturdayMorningOpen !== false && r.settings?.saturdayMorningCounts === true,
  evaluationAutoInvite: r.settings?.evaluationAutoInvite !== false, active: r.active,
});

/** Saturday morning can count in time limits only where the center works on Saturday mornings. */
function checkSaturday(settings: CenterSettings) {
  if (settings.saturdayMorningCounts && settings.saturdayMorningOpen === false) {
    throw badRequest('CENTER_SATURDAY_CLOSED', 'Chỉ tính sáng thứ Bảy vào thời hạn khi Trung tâm làm việc sáng thứ Bảy.');
  }
}

async function checkFields(db: import('../../../platform/db').Queryable, codes: string[]) {
  if (codes.length === 0) return;
  const known = await many<{ code: string }>(db, 'SELECT code FROM fields WHERE code = ANY($1)', [codes]);
  const missing = codes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length) throw badRequest('UNKNOWN_FIELD', `Lĩnh vực không tồn tại: ${missing.join(', ')}.`);
}

// Unique-key clashes become a clear 409 instead of a 500.
async function guardUnique<T>(fn: () => Promise<T>, message: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw conflict('DUPLICATE', message);
    throw e;
  }
}

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/centers', {
    config: { access: PUBLIC },
    schema: {
      tags: ['admin'], summary: 'Danh sách Trung tâm (công khai)',
      response: { 200: z.object({ items: z.array(CenterOut), defaultCenter: z.string().nullable().describe('Mã Trung tâm trang công khai hiển thị trước (MOTCUA_DEFAULT_CENTER, hoặc Trung tâm được lập đầu tiên)') }) },
    },
  }, async () => {
    const rows = await many<CenterRow>(app.deps.db, 'SELECT * FROM centers WHERE active ORDER BY name');
    const configured = rows.find((r) => r.code === app.deps.config.defaultCenter);
    const first = [...rows].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.code.localeCompare(b.code))[0];
    return { items: rows.map(presentCenter), defaultCenter: (configured ?? first)?.code ?? null };
  });

  app.post('/admin/centers', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['admin'], summary: 'Thêm Trung tâm', body: CenterIn, response: { 201: CenterOut } },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const b = req.body;
    checkSaturday(b);
    const row = await guardUnique(() => withTx(db, async (tx) => {
      const prov = await one<{ id: string }>(tx, 'SELECT id FROM provinces ORDER BY code LIMIT 1');
      if (!prov) throw badRequest('NO_PROVINCE', 'Chưa có tỉnh nào trong hệ thống.');
      const r = await one<CenterRow>(tx, `INSERT INTO centers (province_id, code, name, short_name, level, address, phone, email, settings, active)
        VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`, [prov.id, b.code, b.name, b.shortName, b.level, b.address, b.phone, b.email, JSON.stringify({ saturdayMorningOpen: b.saturdayMorningOpen, saturdayMorningCounts: b.saturdayMorningCounts, evaluationAutoInvite: b.evaluationAutoInvite }), b.active]);
      await audit(tx, { actorId: req.actor!.id, centerId: r!.id, action: 'center.create', entity: 'center', entityId: r!.id, data: { code: b.code, name: b.name } }, clock.now());
      return r!;
    }), `Mã đơn vị ${b.code} đã tồn tại.`);
    return reply.code(201).send(presentCenter(row));
  });

  app.patch('/admin/centers/:id', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['admin'], summary: 'Sửa Trung tâm', params: Id, body: patchOf(CenterIn), response: { 200: CenterOut } },
  }, async (req) => {
    const { db, clock } = app.deps;
    const b = req.body;
    const row = await guardUnique(() => withTx(db, async (tx) => {
      const r = await one<CenterRow>(tx, `UPDATE centers SET code = coalesce($2, code), name = coalesce($3, name), short_name = coalesce($4, short_name),
          level = coalesce($5, level), address = coalesce($6, address), phone = coalesce($7, phone), email = coalesce($8, email),
          settings = settings || jsonb_strip_nulls(jsonb_build_object('saturdayMorningOpen', $9::boolean, 'saturdayMorningCounts', $11::boolean, 'evaluationAutoInvite', $12::boolean)),
          active = coalesce($10, active) WHERE id = $1 RETURNING *`,
        [req.params.id, b.code ?? null, b.name ?? null, b.shortName ?? null, b.level ?? null, b.address ?? null, b.phone ?? null, b.email ?? null, b.saturdayMorningOpen ?? null, b.active ?? null, b.saturdayMorningCounts ?? null, b.evaluationAutoInvite ?? null]);
      if (!r) throw notFound('Trung tâm');
      checkSaturday(r.settings ?? {});
      await audit(tx, { actorId: req.actor!.id, centerId: r.id, action: 'center.update', entity: 'center', entityId: r.id, data: b }, clock.now());
      return r;
    }), 'Mã đơn vị đã tồn tại.');
    return presentCenter(row);
  });

  app.get('/admin/centers/:id/departments', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['admin'], summary: 'Phòng chuyên môn, cơ quan của Trung tâm', params: Id, response: { 200: z.object({ items: z.array(DepartmentOut) }) } },
  }, async (req) => ({
    items: await many<z.infer<typeof DepartmentOut>>(app.deps.db, `SELECT id, code, name, field_codes AS "fieldCodes", active FROM departments WHERE center_id = $1 ORDER BY code`, [req.params.id]),
  }));

  app.post('/admin/centers/:id/departments', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['admin'], summary: 'Thêm phòng chuyên môn', params: Id, body: DepartmentIn, response: { 201: DepartmentOut } },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    await checkFields(db, req.body.fieldCodes);
    const row = await guardUnique(() => withTx(db, async (tx) => {
      if (!(await one(tx, 'SELECT 1 FROM centers WHERE id = $1', [req.params.id]))) throw notFound('Trung tâm');
      const r = await one<z.infer<typeof DepartmentOut>>(tx, `INSERT INTO departments (center_id, code, name, field_codes, active) VALUES ($1,$2,$3,$4,$5)
        RETURNING id, code, name, field_codes AS "fieldCodes", active`, [req.params.id, req.body.code, req.body.name, req.body.fieldCodes, req.body.active]);
      await audit(tx, { actorId: req.actor!.id, centerId: req.params.id, action: 'department.create', entity: 'department', entityId: r!.id, data: req.body }, clock.now());
      return r!;
    }), `Mã phòng ${req.body.code} đã có trong Trung tâm.`);
    return reply.code(201).send(row);
  });

  app.patch('/admin/departments/:id', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['admin'], summary: 'Sửa phòng chuyên môn', params: Id, body: patchOf(DepartmentIn), response: { 200: DepartmentOut } },
  }, async (req) => {
    const { db, clock } = app.deps;
    if (req.body.fieldCodes) await checkFields(db, req.body.fieldCodes);
    return guardUnique(() => withTx(db, async (tx) => {
      const r = await one<z.infer<typeof DepartmentOut> & { center_id: string }>(tx, `UPDATE departments SET code = coalesce($2, code), name = coalesce($3, name),
          field_codes = coalesce($4, field_codes), active = coalesce($5, active) WHERE id = $1
        RETURNING id, code, name, field_codes AS "fieldCodes", active, center_id`, [req.params.id, req.body.code ?? null, req.body.name ?? null, req.body.fieldCodes ?? null, req.body.active ?? null]);
      if (!r) throw notFound('phòng chuyên môn');
      await audit(tx, { actorId: req.actor!.id, centerId: r.center_id, action: 'department.update', entity: 'department', entityId: r.id, data: req.body }, clock.now());
      const { center_id: _c, ...out } = r;
      return out;
    }), 'Mã phòng đã có trong Trung tâm.');
  });

  app.get('/admin/centers/:id/counters', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['admin'], summary: 'Quầy giao dịch của Trung tâm', params: Id, response: { 200: z.object({ items: z.array(CounterOut) }) } },
  }, async (req) => ({
    items: await many<z.infer<typeof CounterOut>>(app.deps.db, `SELECT id, number, name, field_codes AS "fieldCodes", active FROM counters WHERE center_id = $1 ORDER BY number`, [req.params.id]),
  }));

  app.post('/admin/centers/:id/counters', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['admin'], summary: 'Thêm quầy', params: Id, body: CounterIn, response: { 201: CounterOut } },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    await checkFields(db, req.body.fieldCodes);
    const row = await guardUnique(() => withTx(db, async (tx) => {
      if (!(await one(tx, 'SELECT 1 FROM centers WHERE id = $1', [req.params.id]))) throw notFound('Trung tâm');
      const r = await one<z.infer<typeof CounterOut>>(tx, `INSERT INTO counters (center_id, number, name, field_codes, active) VALUES ($1,$2,$3,$4,$5)
        RETURNING id, number, name, field_codes AS "fieldCodes", active`, [req.params.id, req.body.number, req.body.name, req.body.fieldCodes, req.body.active]);
      await audit(tx, { actorId: req.actor!.id, centerId: req.params.id, action: 'counter.create', entity: 'counter', entityId: r!.id, data: req.body }, clock.now());
      return r!;
    }), `Quầy số ${req.body.number} đã có trong Trung tâm.`);
    return reply.code(201).send(row);
  });

  app.patch('/admin/counters/:id', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['admin'], summary: 'Sửa quầy', params: Id, body: patchOf(CounterIn), response: { 200: CounterOut } },
  }, async (req) => {
    const { db, clock } = app.deps;
    if (req.body.fieldCodes) await checkFields(db, req.body.fieldCodes);
    return guardUnique(() => withTx(db, async (tx) => {
      const r = await one<z.infer<typeof CounterOut> & { center_id: string }>(tx, `UPDATE counters SET number = coalesce($2, number), name = coalesce($3, name),
          field_codes = coalesce($4, field_codes), active = coalesce($5, active) WHERE id = $1
        RETURNING id, number, name, field_codes AS "fieldCodes", active, center_id`, [req.params.id, req.body.number ?? null, req.body.name ?? null, req.body.fieldCodes ?? null, req.body.active ?? null]);
      if (!r) throw notFound('quầy');
      await audit(tx, { actorId: req.actor!.id, centerId: r.center_id, action: 'counter.update', entity: 'counter', entityId: r.id, data: req.body }, clock.now());
      const { center_id: _c, ...out } = r;
      return out;
    }), 'Số quầy đã có trong Trung tâm.');
  });
};
