// Every PATCH route changes exactly the fields it is sent (issue 12, finding 2). The routes come from the app's
// OpenAPI document, so a new PATCH route without a case here fails; so does a new body field without a value.
// For each field: a fresh entity, PATCH that one field, and the entity's row read from the database before and
// after must differ only where that field is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let huongThuy: string;
let hue: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const centers = (await t.app.inject({ url: '/api/v1/centers' })).json().items as { id: string; code: string }[];
  huongThuy = centers.find((c) => c.code === '000.00.15.H57')!.id;
  hue = centers.find((c) => c.code === '000.00.11.H57')!.id;
});
afterAll(async () => t.close());

let n = 0;
const post = async (url: string, payload: object) => {
  const r = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload });
  if (r.statusCode !== 201) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  return r.json();
};

interface Case {
  /** Creates the entity; answers the path parameters and the SQL that reads its row (first parameter: the id). */
  fresh(): Promise<{ params: Record<string, string>; key: unknown[] }>;
  row: string;
  /** A value for each body field, different from the fresh entity's. */
  values: Record<string, unknown>;
  /** Where a field is stored, when it is not the column of the same name in snake case (paths into jsonb with a dot). */
  stored?: Record<string, string[]>;
}

const center = async () => {
  const c = await post('/api/v1/admin/centers', {
    code: `T${++n}.PATCH`, name: `Trung tâm thử nghiệm ${n}`, shortName: `TT ${n}`, level: 'district',
    address: '1 Lê Lợi, Huế', phone: '0234 3822 000', email: 'tt@example.vn', saturdayMorningOpen: true, saturdayMorningCounts: false, active: true,
  });
  return { params: { id: c.id }, key: [c.id] };
};
const department = async () => {
  const d = await post(`/api/v1/admin/centers/${huongThuy}/departments`, { code: `P${++n}`, name: `Phòng thử nghiệm ${n}`, fieldCodes: ['TP', 'CA'], active: true });
  return { params: { id: d.id }, key: [d.id] };
};
const counter = async () => {
  // Inactive on purpose: renaming it must not switch it back on.
  const c = await post(`/api/v1/admin/centers/${huongThuy}/counters`, { number: 500 + ++n, name: `Quầy thử ${n}`, fieldCodes: ['TP', 'CA'], active: false });
  return { params: { id: c.id }, key: [c.id] };
};
const user = async () => {
  const u = await post('/api/v1/admin/users', {
    username: `patch.${++n}`, fullName: 'Nguyễn Thị Thử', email: `thu${n}@example.vn`, password: 'mat-khau-thu-1', roles: ['reception'], centerId: huongThuy, departmentId: null,
  });
  // Locked after failed logins, so that only `unlock` may clear it.
  await t.db.query(`UPDATE users SET failed_attempts = 4, locked_until = now() + interval '1 hour' WHERE id = $1`, [u.id]);
  return { params: { id: u.id }, key: [u.id] };
};
const feeItem = async () => {
  // A procedure's schedule is materialized from the catalog when first read.
  const procs = await t.db.query<{ code: string }>(`SELECT code FROM procedures WHERE jsonb_array_length(fees) > 0 ORDER BY code OFFSET $1 LIMIT 1`, [++n]);
  const procedureCode = procs.rows[0].code;
  const items = (await t.app.inject({ url: `/api/v1/fees/schedules/${procedureCode}`, headers: { cookie: admin } })).json().items as { code: string }[];
  await t.db.query(`UPDATE fee_items SET collect_at = 'reception', choice_group = NULL, department_code = NULL, center_share_percent = 0 WHERE procedure_code = $1`, [procedureCode]);
  return { params: { procedureCode, code: items[0].code }, key: [procedureCode, items[0].code] };
};
const rule = async () => ({ params: { code: 'TT-50' }, key: ['TT-50'] });

const CASES: Record<string, Case> = {
  'PATCH /api/v1/admin/centers/{id}': {
    fresh: center, row: 'SELECT * FROM centers WHERE id = $1',
    values: { code: 'T.PATCH.NEW', name: 'Trung tâm đổi tên', shortName: 'TT mới', level: 'commune', address: '2 Hùng Vương', phone: '0234 3999 999', email: 'moi@example.vn', saturdayMorningOpen: false, saturdayMorningCounts: true, evaluationAutoInvite: false, active: false },
    stored: { saturdayMorningOpen: ['settings.saturdayMorningOpen'], saturdayMorningCounts: ['settings.saturdayMorningCounts'], evaluationAutoInvite: ['settings.evaluationAutoInvite'] },
  },
  'PATCH /api/v1/admin/departments/{id}': {
    fresh: department, row: 'SELECT * FROM departments WHERE id = $1',
    values: { code: 'PNEW', name: 'Phòng đổi tên', fieldCodes: ['XD'], active: false },
  },
  'PATCH /api/v1/admin/counters/{id}': {
    fresh: counter, row: 'SELECT * FROM counters WHERE id = $1',
    values: { number: 999, name: 'Quầy đổi tên', fieldCodes: ['XD'], active: true },
  },
  'PATCH /api/v1/admin/users/{id}': {
    fresh: user, row: 'SELECT * FROM users WHERE id = $1',
    values: { fullName: 'Trần Văn Đổi', email: 'doi@example.vn', password: 'mat-khau-moi-2', roles: ['reception', 'fee_collector'], centerId: '<hue>', departmentId: '<department>', active: false, unlock: true, resetTwoFactor: true },
    // resetTwoFactor deletes rows of user_totp and user_recovery_codes, none of the user's own (login-security.test.ts).
    stored: { password: ['password_hash'], unlock: ['failed_attempts', 'locked_until'], resetTwoFactor: [] },
  },
  'PATCH /api/v1/fees/schedules/{procedureCode}/items/{code}': {
    fresh: feeItem, row: 'SELECT * FROM fee_items WHERE procedure_code = $1 AND code = $2 AND active',
    values: { centerSharePercent: 12.5, collectAt: 'return', departmentCode: 'TP', choiceGroup: 'G-PATCH', legalBasis: 'Thông tư thử nghiệm' },
  },
  'PATCH /api/v1/fees/rules/{code}': {
    fresh: rule, row: 'SELECT * FROM fee_reduction_rules WHERE code = $1',
    values: { active: true, percent: 30, legalBasis: 'Nghị quyết thử nghiệm của HĐND tỉnh' },
  },
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** A row as flat paths: columns, and one level into jsonb objects (settings.saturdayMorningOpen). */
function flat(row: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = JSON.stringify(v2);
    } else out[k] = JSON.stringify(v);
  }
  return out;
}
// Bookkeeping columns a change is allowed to touch.
const BOOKKEEPING = new Set(['updated_at']);

describe('every PATCH route changes exactly the fields it is sent', () => {
  it('each PATCH route of the API has a case, with a value for every field of its body', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json();
    const routes: string[] = [];
    for (const [p, ops] of Object.entries(spec.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>>)) {
      const op = ops.patch;
      if (!op) continue;
      routes.push(`PATCH ${p}`);
      const fields = Object.keys(op.requestBody?.content['application/json']?.schema.properties ?? {});
      expect(CASES[`PATCH ${p}`], `no case for PATCH ${p}`).toBeDefined();
      expect(Object.keys(CASES[`PATCH ${p}`].values).sort(), `fields of PATCH ${p}`).toEqual(fields.sort());
    }
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [route, c] of Object.entries(CASES)) {
    for (const [field, value] of Object.entries(c.values)) {
      it(`${route} {${field}}`, async () => {
        const { params, key } = await c.fresh();
        const url = route.slice('PATCH '.length).replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(params[p]));
        let v = value;
        if (v === '<hue>') v = hue;
        if (v === '<department>') v = (await t.db.query(`SELECT id FROM departments WHERE center_id = $1 AND code = 'TP'`, [huongThuy])).rows[0].id;
        const before = flat((await t.db.query(c.row, key)).rows[0]);
        const r = await t.app.inject({ method: 'PATCH', url, headers: { cookie: admin }, payload: { [field]: v } });
        expect(r.statusCode, r.body).toBe(200);
        const after = flat((await t.db.query(c.row, key)).rows[0]);
        const where = c.stored?.[field] ?? [snake(field)];
        const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k] && !BOOKKEEPING.has(k));
        expect(changed.sort(), `${route} {${field}} changed`).toEqual([...where].sort());
      });
    }
  }
});
