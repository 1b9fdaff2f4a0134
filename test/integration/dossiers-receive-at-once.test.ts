import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, getDossier, mustAct, register, waiveFeesForSlip } from '../support/dossiers';

// One-step reception: the clerk at the counter registers and receives with `receive: true`. It must be the same
// dossier, the same due date and the same history as registering and then receiving at the same instant — in one
// request and one commit.
const clock = new ManualClock(new Date('2025-04-24T02:00:00Z')); // Thu 24/04/2025 09:00 in Hương Thủy
let t: TestApp;
let clerk: string, supervisor: string;
let n = 3000;
const login = async () => ([clerk, supervisor] = await Promise.all(['tn.tp', 'giamsat'].map((u) => t.login(u))));
beforeAll(async () => {
  t = await createTestApp({ clock });
  await login();
});
afterAll(async () => t.close());

const post = (cookie: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie, ...headers }, payload: { procedure: '2.000748', applicant: applicant(n++), ...body } });
const counts = async () =>
  (await t.db.query(`SELECT (SELECT count(*)::int FROM dossiers) AS dossiers, (SELECT count(*)::int FROM dossier_events) AS events,
    (SELECT count(*)::int FROM outbox) AS outbox, (SELECT coalesce(sum(last_value), 0)::int FROM dossier_sequences) AS numbers`)).rows[0];

describe('due date and history equal register-then-receive at the same instant', () => {
  it.each([
    ['Thu 24/04/2025 09:00, before 30/4–1/5, make-up Saturday 26/04', '2025-04-24T02:00:00Z', '2.000748', '2025-04-28T10:00:00.000Z'],
    ['Fri 24/01/2025 09:00, before the Tết break 27–31/01', '2025-01-24T02:00:00Z', '2.000748', '2025-02-05T10:00:00.000Z'],
    ['Fri 24/01/2025 17:30, after office hours, before Tết', '2025-01-24T10:30:00Z', '2.000748', null],
    ['Sat 25/01/2025 10:00, a day off', '2025-01-25T03:00:00Z', '2.000748', null],
    ['Mon 10/03/2025 11:30, 15 working days', '2025-03-10T04:30:00Z', '2.000806', null],
    ['Wed 31/12/2025 16:59, across New Year', '2025-12-31T09:59:00Z', '2.000806', null],
  ])('%s', async (_label, at, procedure, expected) => {
    clock.set(new Date(at));
    await login();
    const twoStep = await register(t, clerk, { procedure, applicant: applicant(n++) });
    const received = await mustAct(t, clerk, twoStep.code, 'receive', {});
    const r = await post(clerk, { procedure, receive: true });
    expect(r.statusCode, r.body).toBe(201);
    const once = r.json();
    expect(once.status).toBe('received');
    expect(once.dueAt).toBe(received.dueAt);
    expect(once.receivedAt).toBe(received.receivedAt);
    expect(once.receivedAt).toBe(once.registeredAt);
    if (expected) expect(once.dueAt).toBe(expected);
    // Consecutive numbers of the same day: the one-step path shares the gap-free sequence.
    expect(Number(once.code.slice(-4))).toBe(Number(twoStep.code.slice(-4)) + 1);
    const shape = (d: { events: { action: string; fromStatus: string | null; toStatus: string; data: unknown }[] }) =>
      d.events.map((e) => ({ action: e.action, from: e.fromStatus, to: e.toStatus, dueAt: (e.data as { dueAt?: string }).dueAt }));
    expect(shape(once)).toEqual(shape(received));
  });
});

describe('one-step reception', () => {
  it('answers with the dossier as a fresh read shows it, ready for transfer and the receipt slip', async () => {
    clock.set(new Date('2025-03-11T02:00:00Z'));
    await login();
    const r = await post(clerk, { receive: true, checklist: [{ index: 0, presented: true }, { index: 1, presented: true, copy: 2 }, { index: 2, presented: true }] });
    expect(r.statusCode, r.body).toBe(201);
    const { ticket, ...d } = r.json();
    // A clerk at the counter serving no ticket: no queue number.
    expect(ticket).toBeNull();
    const fresh = await getDossier(t, clerk, d.code);
    expect(d).toEqual(fresh.json());
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['register', 'receive']);
    expect(d.can).toMatchObject({ receive: false, 'request-supplement': false, transfer: true });
    expect(d.checklist[1]).toMatchObject({ presented: true, copy: 2 });
    await waiveFeesForSlip(t, d.code);
    const slip = await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(d.code)}/forms/receipt.pdf`, headers: { cookie: clerk } });
    expect(slip.statusCode).toBe(200);
    expect(slip.headers['content-type']).toContain('application/pdf');
    // One outbox row, saying "received": the applicant gets the receipt e-mail, not a "registered" one.
    const out = await t.db.query(`SELECT topic, payload FROM outbox WHERE payload->>'code' = $1`, [d.code]);
    expect(out.rows).toEqual([{ topic: 'dossier.registered', payload: expect.objectContaining({ status: 'received' }) }]);
    expect((await mustAct(t, clerk, d.code, 'transfer', {})).status).toBe('in_progress');
  });

  it('a mandatory document not ticked: 409 with the names, and nothing is written (no number used)', async () => {
    const before = await counts();
    const r = await post(clerk, { receive: true, checklist: [{ index: 0, presented: false }] });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'DOSSIER_CHECKLIST_INCOMPLETE' });
    expect(r.json().detail).toContain('Hãy lập phiếu yêu cầu bổ sung');
    expect(await counts()).toEqual(before);
  });

  it('an unknown checklist item: 400, nothing written', async () => {
    const before = await counts();
    const r = await post(clerk, { receive: true, checklist: [{ index: 99, presented: true }] });
    expect(r.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('staff who may register but not receive (supervisor) get 403 for receive: true, and may still register', async () => {
    const before = await counts();
    const r = await post(supervisor, { receive: true });
    expect(r.statusCode).toBe(403);
    expect(r.json().detail).toContain('Chỉ cán bộ tiếp nhận');
    expect(await counts()).toEqual(before);
    expect((await post(supervisor, {})).json().status).toBe('submitted');
  });

  it('receive: false is an ordinary registration', async () => {
    expect((await post(clerk, { receive: false })).json().status).toBe('submitted');
  });

  it('an Idempotency-Key retry returns the first (received) dossier, not a second one', async () => {
    const headers = { 'idempotency-key': 'recv-once-0001' };
    const body = { receive: true, applicant: applicant(4999) };
    const [a, b] = await Promise.all([post(clerk, body, headers), post(clerk, body, headers)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().code).toBe(b.json().code);
    expect(b.json().status).toBe('received');
    expect((await t.db.query('SELECT count(*)::int AS n FROM dossiers WHERE code = $1', [a.json().code])).rows[0].n).toBe(1);
  });

  it('40 concurrent registrations, half received at once: gap-free numbers, each with its own events in order', async () => {
    clock.set(new Date('2025-03-12T02:00:00Z'));
    await login();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => post(clerk, i % 2 ? { receive: true } : {})));
    expect(results.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    const ds = results.map((r) => r.json());
    const numbers = ds.map((d) => Number(d.code.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const rows = await t.db.query<{ code: string; status: string; actions: string[] }>(`SELECT d.code, d.status, array_agg(e.action ORDER BY e.id) AS actions
      FROM dossiers d JOIN dossier_events e ON e.dossier_id = d.id WHERE d.code = ANY($1) GROUP BY d.code, d.status`, [ds.map((d) => d.code)]);
    expect(rows.rows).toHaveLength(40);
    for (const d of ds) {
      const row = rows.rows.find((x) => x.code === d.code)!;
      expect(row.status).toBe(d.status);
      expect(row.actions).toEqual(d.status === 'received' ? ['register', 'receive'] : ['register']);
    }
    expect(ds.filter((d) => d.status === 'received')).toHaveLength(20);
  });
});

describe('applicants upserted by the registration batch', () => {
  const org = (taxCode: string | null, rep: string | null) => ({ kind: 'organization', orgName: 'Công ty TNHH Hương Thủy Xanh', fullName: 'Phạm Minh Châu', taxCode, idNumber: rep, phone: '0234000111' });

  it('the same person registered 10 times at once: one record, every dossier points to it', async () => {
    const person = applicant(6001);
    const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => post(clerk, { applicant: { ...person, phone: `09050001${String(i).padStart(2, '0')}` }, ...(i % 2 ? { receive: true } : {}) })));
    expect(rs.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const rows = await t.db.query<{ id: string; phone: string }>('SELECT id, phone FROM applicants WHERE id_number = $1', [person.idNumber]);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].phone).toMatch(/^09050001\d\d$/);
    const ids = await t.db.query<{ applicant_id: string }>('SELECT DISTINCT applicant_id FROM dossiers WHERE code = ANY($1)', [rs.map((r) => r.json().code)]);
    expect(ids.rows).toEqual([{ applicant_id: rows.rows[0].id }]);
  });

  it('people, organizations by tax code and unkeyed organizations in one burst: each dossier gets its own applicant', async () => {
    const bodies = [
      ...Array.from({ length: 8 }, (_, i) => ({ applicant: applicant(6100 + (i % 4)) })),
      ...Array.from({ length: 6 }, (_, i) => ({ applicant: org(`340${String(i % 2).padStart(7, '0')}`, `0460800061${String(i).padStart(2, '0')}`) })),
      ...Array.from({ length: 3 }, () => ({ applicant: org(null, null) })),
    ];
    const rs = await Promise.all(bodies.map((b, i) => post(clerk, { ...b, ...(i % 3 ? {} : { receive: true }) })));
    expect(rs.map((r) => r.statusCode)).toEqual(Array(bodies.length).fill(201));
    const rows = await t.db.query<{ code: string; snapshot: { idNumber: string | null; taxCode: string | null }; kind: string; id_number: string | null; tax_code: string | null }>(
      `SELECT d.code, d.applicant AS snapshot, a.kind, a.id_number, a.tax_code FROM dossiers d JOIN applicants a ON a.id = d.applicant_id WHERE d.code = ANY($1)`,
      [rs.map((r) => r.json().code)]);
    expect(rows.rows).toHaveLength(bodies.length);
    for (const r of rows.rows) {
      if (r.snapshot.taxCode) expect(r).toMatchObject({ kind: 'organization', tax_code: r.snapshot.taxCode, id_number: null });
      else if (r.kind === 'person') expect(r.id_number).toBe(r.snapshot.idNumber);
      else expect(r).toMatchObject({ kind: 'organization', tax_code: null, id_number: null });
    }
    const count = async (sql: string, params: unknown[]) => (await t.db.query(sql, params)).rows[0].n;
    expect(await count('SELECT count(*)::int AS n FROM applicants WHERE id_number = ANY($1)', [[6100, 6101, 6102, 6103].map((n) => applicant(n).idNumber)])).toBe(4);
    expect(await count("SELECT count(*)::int AS n FROM applicants WHERE tax_code = ANY($1) AND kind = 'organization'", [['3400000000', '3400000001']])).toBe(2);
    expect(await count('SELECT count(DISTINCT applicant_id)::int AS n FROM dossiers WHERE code = ANY($1) AND applicant->>\'taxCode\' IS NULL AND applicant->>\'kind\' = \'organization\'', [rs.map((r) => r.json().code)])).toBe(3);
  });
});

describe('OpenAPI', () => {
  it('documents receive on POST /dossiers', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    const ref: string = doc.paths['/api/v1/dossiers'].post.requestBody.content['application/json'].schema.$ref;
    expect(ref).toBe('#/components/schemas/DossierRegistrationInput');
    const body = doc.components.schemas.DossierRegistrationInput;
    expect(body.properties.receive).toMatchObject({ type: 'boolean' });
    expect(body.properties.receive.description).toContain('Tiếp nhận ngay');
  });
});
