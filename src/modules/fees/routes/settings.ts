// Fee configuration: the procedure schedules and reduction rules (province-wide, catalog administrators), the
// center's bank account for VietQR, departments' accounts, service charges and receipt series (center leaders).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { named } from '../../../http/openapi';
import { anyPerm, AUTHENTICATED, perm } from '../../../http/access';
import { audit } from '../../../platform/audit';
import { many, one, withTx } from '../../../platform/db';
import { forbidden, notFound } from '../../../platform/errors';
import type { Actor } from '../../auth/actor';
import { loadSchedule } from '../repo';
import { offeredServiceTypes } from '../commands/services';
import { centerBankAccount } from '../setup';
import { Vnd } from '../schemas';

const Percent = z.number().min(0).max(100).refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'Tỷ lệ có tối đa hai chữ số thập phân');
const Account = z.object({
  bankBin: z.string().regex(/^\d{6}$/, 'Mã BIN ngân hàng gồm 6 chữ số'), bankName: z.string().trim().min(2).max(120),
  accountNumber: z.string().regex(/^[A-Za-z0-9]{1,19}$/, 'Số tài khoản gồm 1–19 chữ cái hoặc chữ số'), accountName: z.string().trim().min(3).max(120),
});
const AccountOut = Account.extend({ isDemo: z.boolean() });
const ScheduleItemOut = named('FeeScheduleItem', z.object({
  code: z.string(), name: z.string(), unit: z.string(), amount: z.number().nullable(), tiers: z.array(z.object({ fromUnit: z.number(), amount: z.number() })),
  cap: z.number().nullable(), collectAt: z.string(), choiceGroup: z.string().nullable(), centerSharePercent: z.number(), departmentCode: z.string().nullable(),
  legalBasis: z.string(), note: z.string(),
}));
const RuleOut = named('FeeRule', z.object({
  code: z.string(), name: z.string(), kind: z.string(), percent: z.number().nullable(), categories: z.array(z.string()), procedureCodes: z.array(z.string()).nullable(),
  fieldCodes: z.array(z.string()).nullable(), itemCodes: z.array(z.string()).nullable(), legalBasis: z.string(), note: z.string(), configurable: z.boolean(), active: z.boolean(),
}));

const ownCenter = (a: Actor) => {
  if (!a.centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
  return a.centerId;
};

export const feeSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/fees/schedules/:procedureCode', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['fees'], summary: 'Biểu phí, lệ phí của một thủ tục', params: z.object({ procedureCode: z.string().max(50) }), response: { 200: z.object({ items: z.array(ScheduleItemOut) }) } },
  }, async (req) => ({
    items: (await loadSchedule(app.deps.db, req.params.procedureCode)).map((i) => ({
      code: i.code, name: i.name, unit: i.unit, amount: i.amount, tiers: [...(i.tiers ?? [])], cap: i.cap ?? null, collectAt: i.collectAt, choiceGroup: i.choiceGroup,
      centerSharePercent: i.centerSharePercent, departmentCode: i.departmentCode, legalBasis: i.legalBasis ?? '', note: i.note ?? '',
    })),
  }));

  app.patch('/fees/schedules/:procedureCode/items/:code', {
    config: { access: perm('catalog.manage') },
    schema: {
      tags: ['fees'], summary: 'Sửa một khoản của biểu phí: tỷ lệ Trung tâm giữ lại, thời điểm thu, phòng nhận tiền, nhóm lựa chọn, căn cứ pháp lý',
      params: z.object({ procedureCode: z.string().max(50), code: z.string().max(40) }),
      body: z.object({
        centerSharePercent: Percent.optional(), collectAt: z.enum(['reception', 'return']).optional(), departmentCode: z.string().max(20).nullable().optional(),
        choiceGroup: z.string().max(40).nullable().optional(), legalBasis: z.string().max(500).optional(),
      }),
      response: { 200: z.object({ ok: z.boolean() }) },
    },
  }, async (req) => {
    const { db, clock } = app.deps;
    await loadSchedule(db, req.params.procedureCode);
    const b = req.body;
    await withTx(db, async (tx) => {
      const r = await one(tx, `UPDATE fee_items SET center_share_percent = coalesce($3, center_share_percent), collect_at = coalesce($4, collect_at),
          department_code = CASE WHEN $5::boolean THEN $6 ELSE department_code END, choice_group = CASE WHEN $7::boolean THEN $8 ELSE choice_group END,
          legal_basis = coalesce($9, legal_basis) WHERE procedure_code = $1 AND code = $2 AND active RETURNING id`,
      [req.params.procedureCode, req.params.code, b.centerSharePercent ?? null, b.collectAt ?? null, b.departmentCode !== undefined, b.departmentCode ?? null,
        b.choiceGroup !== undefined, b.choiceGroup ?? null, b.legalBasis ?? null]);
      if (!r) throw notFound(`khoản phí ${req.params.code} của thủ tục ${req.params.procedureCode}`);
      await tx.query('UPDATE fee_schedules SET customized = true WHERE procedure_code = $1', [req.params.procedureCode]);
      await audit(tx, { actorId: req.actor!.id, action: 'fees.schedule.update', entity: 'fee_item', entityId: `${req.params.procedureCode}/${req.params.code}`, data: b }, clock.now());
    });
    return { ok: true };
  });

  app.get('/fees/rules', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['fees'], summary: 'Quy định miễn, giảm phí, lệ phí kèm căn cứ pháp lý', response: { 200: z.object({ items: z.array(RuleOut) }) } },
  }, async () => ({
    items: (await many<{ code: string; name: string; kind: string; percent: string | null; categories: string[]; procedure_codes: string[] | null; field_codes: string[] | null;
      item_codes: string[] | null; legal_basis: string; note: string; configurable: boolean; active: boolean }>(app.deps.db, 'SELECT * FROM fee_reduction_rules ORDER BY code'))
      .map((r) => ({ code: r.code, name: r.name, kind: r.kind, percent: r.percent === null ? null : Number(r.percent), categories: r.categories, procedureCodes: r.procedure_codes,
        fieldCodes: r.field_codes, itemCodes: r.item_codes, legalBasis: r.legal_basis, note: r.note, configurable: r.configurable, active: r.active })),
  }));

  app.patch('/fees/rules/:code', {
    config: { access: perm('catalog.manage') },
    schema: {
      tags: ['fees'], summary: 'Bật, tắt hoặc đổi tỷ lệ một quy định miễn, giảm (sau khi đối chiếu văn bản của địa phương)',
      params: z.object({ code: z.string().max(40) }),
      body: z.object({ active: z.boolean().optional(), percent: Percent.refine((p) => p > 0, 'Tỷ lệ giảm phải lớn hơn 0').optional(), legalBasis: z.string().trim().min(5).max(500).optional() }),
      response: { 200: z.object({ ok: z.boolean() }) },
    },
  }, async (req) => {
    const { db, clock } = app.deps;
    await withTx(db, async (tx) => {
      const r = await one(tx, `UPDATE fee_reduction_rules SET active = coalesce($2, active), percent = CASE WHEN kind = 'percent' THEN coalesce($3, percent) ELSE percent END,
          legal_basis = coalesce($4, legal_basis), updated_at = $5 WHERE code = $1 RETURNING id`,
      [req.params.code, req.body.active ?? null, req.body.percent ?? null, req.body.legalBasis ?? null, clock.now()]);
      if (!r) throw notFound(`quy định miễn, giảm ${req.params.code}`);
      await audit(tx, { actorId: req.actor!.id, action: 'fees.rule.update', entity: 'fee_reduction_rule', entityId: req.params.code, data: req.body }, clock.now());
    });
    return { ok: true };
  });

  app.get('/fees/bank-account', {
    config: { access: anyPerm('fees.collect', 'fees.manage') },
    schema: { tags: ['fees'], summary: 'Tài khoản ngân hàng nhận tiền phí của Trung tâm (dùng cho VietQR)', response: { 200: z.object({ account: AccountOut.nullable() }) } },
  }, async (req) => {
    const acc = await centerBankAccount(app.deps.db, ownCenter(req.actor!), app.deps.config.demo);
    return { account: acc ? { bankBin: acc.bankBin, bankName: acc.bankName, accountNumber: acc.accountNumber, accountName: acc.accountName, isDemo: acc.isDemo } : null };
  });

  app.put('/fees/bank-account', {
    config: { access: perm('fees.manage') },
    schema: { tags: ['fees'], summary: 'Đặt tài khoản ngân hàng nhận tiền phí của Trung tâm (tài khoản cũ được giữ lại trong lịch sử)', body: Account, response: { 200: z.object({ account: AccountOut }) } },
  }, async (req) => {
    const { db, clock } = app.deps;
    const centerId = ownCenter(req.actor!);
    const b = req.body;
    await withTx(db, async (tx) => {
      await tx.query('UPDATE fee_bank_accounts SET active = false WHERE center_id = $1 AND active', [centerId]);
      await tx.query(`INSERT INTO fee_bank_accounts (center_id, bank_bin, bank_name, account_number, account_name, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [centerId, b.bankBin, b.bankName, b.accountNumber, b.accountName, req.actor!.id, clock.now()]);
      await audit(tx, { actorId: req.actor!.id, centerId, action: 'fees.bank_account.set', entity: 'center', entityId: centerId, data: b }, clock.now());
    });
    return { account: { ...b, isDemo: false } };
  });

  app.delete('/fees/bank-account', {
    config: { access: perm('fees.manage') },
    schema: { tags: ['fees'], summary: 'Ngừng dùng tài khoản ngân hàng hiện tại của Trung tâm (VietQR tạm ngừng)' },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const centerId = ownCenter(req.actor!);
    await withTx(db, async (tx) => {
      const r = await one(tx, 'UPDATE fee_bank_accounts SET active = false WHERE center_id = $1 AND active RETURNING id', [centerId]);
      if (!r) throw notFound('tài khoản ngân hàng đang dùng');
      await audit(tx, { actorId: req.actor!.id, centerId, action: 'fees.bank_account.remove', entity: 'center', entityId: centerId }, clock.now());
    });
    return reply.code(204).send();
  });

  app.put('/fees/departments/:id/account', {
    config: { access: perm('fees.manage') },
    schema: { tags: ['fees'], summary: 'Tài khoản nhận tiền của một phòng chuyên môn (dùng khi chuyển tiền)', params: z.object({ id: z.string().uuid() }), body: Account, response: { 200: z.object({ account: Account }) } },
  }, async (req) => {
    const { db, clock } = app.deps;
    const centerId = ownCenter(req.actor!);
    const b = req.body;
    await withTx(db, async (tx) => {
      if (!(await one(tx, 'SELECT 1 FROM departments WHERE id = $1 AND center_id = $2', [req.params.id, centerId]))) throw notFound('phòng chuyên môn');
      await tx.query(`INSERT INTO fee_department_accounts (department_id, bank_bin, bank_name, account_number, account_name, updated_by, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
        ON CONFLICT (department_id) DO UPDATE SET bank_bin = $2, bank_name = $3, account_number = $4, account_name = $5, updated_by = $6, updated_at = $7`,
      [req.params.id, b.bankBin, b.bankName, b.accountNumber, b.accountName, req.actor!.id, clock.now()]);
      await audit(tx, { actorId: req.actor!.id, centerId, action: 'fees.department_account.set', entity: 'department', entityId: req.params.id, data: b }, clock.now());
    });
    return { account: b };
  });

  app.get('/fees/service-types', {
    config: { access: anyPerm('dossiers.view_center') },
    schema: { tags: ['fees'], summary: 'Dịch vụ đi kèm và giá của Trung tâm (nhắn tin SMS chỉ khi Trung tâm có kênh SMS và đang gửi SMS)', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), charge: z.number(), active: z.boolean() })) }) } },
  }, async (req) => ({ items: (await offeredServiceTypes(app.deps.db, ownCenter(req.actor!), app.deps.config)).map((t) => ({ code: t.code, name: t.name, charge: t.charge, active: t.active })) }));

  app.put('/fees/service-types/:code', {
    config: { access: perm('fees.manage') },
    schema: {
      tags: ['fees'], summary: 'Đặt giá dịch vụ đi kèm của Trung tâm', params: z.object({ code: z.enum(['postal_result', 'sms']) }),
      body: z.object({ charge: Vnd, active: z.boolean().default(true) }), response: { 200: z.object({ code: z.string(), charge: z.number(), active: z.boolean() }) },
    },
  }, async (req) => {
    const { db, clock } = app.deps;
    const centerId = ownCenter(req.actor!);
    await withTx(db, async (tx) => {
      await tx.query(`INSERT INTO fee_service_types (center_id, code, name, charge, active)
          SELECT $1, code, name, $3, $4 FROM fee_service_types WHERE center_id IS NULL AND code = $2
        ON CONFLICT (coalesce(center_id, '00000000-0000-0000-0000-000000000000'::uuid), code) DO UPDATE SET charge = $3, active = $4`,
      [centerId, req.params.code, req.body.charge, req.body.active]);
      await audit(tx, { actorId: req.actor!.id, centerId, action: 'fees.service_type.set', entity: 'fee_service_type', entityId: req.params.code, data: req.body }, clock.now());
    });
    return { code: req.params.code, ...req.body };
  });
};
