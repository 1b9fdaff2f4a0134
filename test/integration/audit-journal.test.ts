import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { ACTIONS } from '../../src/modules/dossiers/domain/lifecycle';
import { vi as viStrings } from '../../web/src/i18n/vi';
import { createTestApp, type TestApp } from '../support/app';
import { mustAct, register, waiveFeesForSlip } from '../support/dossiers';

// Issue 13 item 7: the audit screen shows every dossier action (receive, refuse, return… from the dossier's own
// history) beside the configuration changes and reads, in Vietnamese, with people's names, filtered by person,
// action, dossier and date, and pages through both without losing or repeating an entry.
let t: TestApp;
let clock: ManualClock;
let clerk: string;
let director: string;
let code: string;
let other: string;

type Entry = { id: string; at: string; actor: string | null; actorName: string | null; action: string; dossierCode: string | null; data: Record<string, unknown>; cursor: string };
const journal = async (cookie: string, query = '') => {
  const r = await t.app.inject({ url: `/api/v1/admin/audit${query}`, headers: { cookie } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items as Entry[];
};

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-03-10T02:00:00Z')); // Tuesday 09:00
  t = await createTestApp({ clock });
  clerk = await t.login('tn.tp');
  director = await t.login('giamdoc');
  code = (await register(t, clerk, { receive: true })).code;
  clock.advanceMinutes(5);
  await waiveFeesForSlip(t, code);
  expect((await t.app.inject({ url: `/api/v1/dossiers/${code}/forms/receipt.pdf`, headers: { cookie: clerk } })).statusCode).toBe(200);
  clock.set(new Date('2026-03-11T02:00:00Z')); // the next day: a new session
  clerk = await t.login('tn.tp');
  director = await t.login('giamdoc');
  other = (await register(t, clerk)).code;
  await mustAct(t, clerk, other, 'refuse', { reason: 'Thiếu tờ khai theo mẫu quy định' });
}, 60_000);
afterAll(async () => t.close());

describe('the audit journal', () => {
  it("lists a dossier's steps and the reads of it, with the clerk's name, newest first", async () => {
    const items = await journal(director, `?dossier=${code}`);
    expect(items.map((i) => i.action)).toEqual(['dossier.form.print', 'dossier.receive', 'dossier.register']);
    expect(items.every((i) => i.dossierCode === code && i.actor === 'tn.tp' && i.actorName === 'Đỗ Thị Thu Nam')).toBe(true);
    expect(items[1].data).toEqual({ fromStatus: 'submitted', toStatus: 'received' });
    // lower case and the code's dots as typed
    expect((await journal(director, `?dossier=${code.toLowerCase()}`)).length).toBe(3);
  });

  it('filters by action (a refusal with its reason), by person and by date', async () => {
    const refusals = await journal(director, '?action=dossier.refuse');
    expect(refusals).toEqual([expect.objectContaining({ dossierCode: other, data: expect.objectContaining({ reason: 'Thiếu tờ khai theo mẫu quy định', toStatus: 'refused' }) })]);
    expect((await journal(director, '?actor=tn.tp')).every((i) => i.actor === 'tn.tp')).toBe(true);
    expect((await journal(director, '?actor=giamsat')).length).toBe(0);
    const firstDay = await journal(director, '?from=2026-03-10&to=2026-03-10&action=dossier.');
    expect(new Set(firstDay.map((i) => i.dossierCode))).toEqual(new Set([code]));
    const secondDay = await journal(director, '?from=2026-03-11&action=dossier.');
    expect(new Set(secondDay.map((i) => i.dossierCode))).toEqual(new Set([other]));
  });

  it('pages through both sources without losing or repeating an entry', async () => {
    const all = await journal(director, '?limit=200');
    expect(all.length).toBeGreaterThan(6);
    const paged: Entry[] = [];
    let before = '';
    for (;;) {
      const page = await journal(director, `?limit=2${before}`);
      paged.push(...page);
      if (page.length < 2) break;
      before = `&before=${encodeURIComponent(page[1].cursor)}`;
    }
    expect(paged.map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect([...all].sort((a, b) => b.at.localeCompare(a.at)).map((i) => i.at)).toEqual(all.map((i) => i.at));
  });

  it("keeps to the viewer's center, and refuses bad input in Vietnamese", async () => {
    const hue = await t.login('tn.tp.hue');
    const hueCode = (await register(t, hue, { receive: true })).code;
    expect((await journal(director, `?dossier=${hueCode}`)).length).toBe(0);
    const province = await t.login('tinh');
    expect((await journal(province, `?dossier=${hueCode}`)).map((i) => i.action)).toEqual(['dossier.receive', 'dossier.register']);
    for (const q of ['?before=abc', '?from=2026-02-31', '?from=2026-03-12&to=2026-03-10']) {
      const r = await t.app.inject({ url: `/api/v1/admin/audit${q}`, headers: { cookie: director } });
      expect(r.statusCode, q).toBe(400);
      expect(r.json().detail).toMatch(/[ạ-ỹ]/);
    }
  });
});

describe('every action has a Vietnamese name on the screen', () => {
  const labels = viStrings.audit.actions as unknown as Record<string, unknown>;
  const label = (action: string) => action.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], labels);

  it('each action the code records', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) files.push(p);
      }
    };
    walk(path.resolve(__dirname, '../../src'));
    const recorded = new Set<string>();
    for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) recorded.add(m[1]);
    expect(recorded.size).toBeGreaterThan(40);
    const missing = [...recorded].filter((a) => typeof label(a) !== 'string');
    expect(missing).toEqual([]);
  });

  it("each step of a dossier's history", () => {
    const events = (viStrings as unknown as { dossiers: { event: Record<string, string> } }).dossiers.event;
    for (const a of [...ACTIONS, 'register', 'assign']) expect(typeof events[a], a).toBe('string');
  });
});
