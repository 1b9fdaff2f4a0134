// Test-only builders for the fee tests: dossiers and collectors inserted directly (the dossier API is tested on its
// own), plus small helpers for calling the fees API and reading PDFs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestApp } from './app';

export const HUONG_THUY = '000.00.15.H57';
export const HUE = '000.00.11.H57';

let seq = 0;

export interface DossierFixture {
  id: string;
  code: string;
  centerId: string;
}

/**
 * Inserts an applicant and a dossier in status `received` (by default) at a center, with a code like
 * `000.00.15.H57-250312-0001`, the procedure's field and the center's department for that field.
 */
export async function createDossier(t: TestApp, opts: {
  center?: string; procedure?: string; status?: string; channel?: 'direct' | 'post' | 'online'; day?: string;
  applicant?: { fullName?: string; address?: string; kind?: 'person' | 'organization'; orgName?: string };
} = {}): Promise<DossierFixture> {
  const center = opts.center ?? HUONG_THUY;
  const procedure = opts.procedure ?? '2.000815';
  const day = opts.day ?? '2025-03-12';
  const n = ++seq;
  const c = (await t.db.query<{ id: string }>('SELECT id FROM centers WHERE code = $1', [center])).rows[0];
  const p = (await t.db.query<{ field_code: string }>('SELECT field_code FROM procedures WHERE code = $1', [procedure])).rows[0];
  if (!c || !p) throw new Error(`fixture: unknown center ${center} or procedure ${procedure}`);
  const dep = (await t.db.query<{ id: string }>('SELECT id FROM departments WHERE center_id = $1 AND $2 = ANY(field_codes)', [c.id, p.field_code])).rows[0];
  const applicant = {
    kind: opts.applicant?.kind ?? 'person',
    fullName: opts.applicant?.fullName ?? 'Trần Thị Bình',
    idNumber: `0461900${String(n).padStart(5, '0')}`,
    phone: '0905123456',
    address: opts.applicant?.address ?? 'Số 5 Nguyễn Tất Thành, phường Phú Bài, thị xã Hương Thủy',
    orgName: opts.applicant?.orgName ?? null,
    taxCode: null,
  };
  const a = (await t.db.query<{ id: string }>(`INSERT INTO applicants (center_id, kind, full_name, id_number, phone, address, org_name)
    VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`, [c.id, applicant.kind, applicant.fullName, applicant.idNumber, applicant.phone, applicant.address, applicant.orgName])).rows[0];
  const yymmdd = day.slice(2).replace(/-/g, '');
  // Each test file has its own database and process, so a process-wide counter gives unique daily numbers even
  // when dossiers are made concurrently.
  const next = n;
  const code = `${center}-${yymmdd}-${String(next).padStart(4, '0')}`;
  const at = new Date(`${day}T01:30:00Z`);
  const d = (await t.db.query<{ id: string }>(`INSERT INTO dossiers (code, daily_number, center_id, procedure_code, field_code, department_id, applicant_id,
      applicant, channel, status, time_limit, workflow, registered_at, received_at, receipt_day)
    VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'[]',$12,$12,$13) RETURNING id`,
  [code, next, c.id, procedure, p.field_code, dep?.id ?? null, a.id, JSON.stringify(applicant), opts.channel ?? 'direct', opts.status ?? 'received',
    JSON.stringify({ unit: 'working_days', value: 3 }), at, day])).rows[0];
  return { id: d.id, code, centerId: c.id };
}

/** A fee collector at a center, with the demo password (copied from the demo account `thuphi`). */
export async function createCollector(t: TestApp, username: string, center = HUONG_THUY, fullName = `Người thu ${username}`): Promise<void> {
  await t.db.query(`INSERT INTO users (username, full_name, password_hash, roles, center_id)
    SELECT $1, $2, password_hash, '{fee_collector}', (SELECT id FROM centers WHERE code = $3) FROM users WHERE username = 'thuphi'`, [username, fullName, center]);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the API with a session cookie (and optional extra headers). */
export function api(t: TestApp, cookie: string, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
}

export const feesUrl = (code: string, rest = '') => `/api/v1/dossiers/${encodeURIComponent(code)}${rest}`;

/** Pays and expects 201; returns the receipt. */
export async function pay(t: TestApp, cookie: string, code: string, body: object, headers: Record<string, string> = {}) {
  const r = await api(t, cookie, 'POST', feesUrl(code, '/payments'), body, headers);
  if (r.statusCode !== 201) throw new Error(`payment: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** Page size in points and page count of a PDF (`pdfinfo`). */
export function pdfInfo(pdf: Buffer): { width: number; height: number; pages: number } {
  const out = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out)!;
  return { width: Number(w), height: Number(h), pages: Number(/^Pages:\s+(\d+)/m.exec(out)![1]) };
}

/**
 * The QR codes printed on a PDF, read back the way a phone would: every page rendered to an image (`pdftoppm`,
 * 150 dpi) and scanned with `zbarimg` (zbar-tools). Returns the decoded texts; [] when there is none.
 */
export function pdfQrCodes(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'fees-qr-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', file, path.join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => path.join(dir, f));
    try {
      const out = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', ...pages], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return out.split('\n').filter(Boolean);
    } catch (e) {
      if ((e as { status?: number }).status === 4) return []; // zbarimg: no symbol found
      throw e;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as `pdftotext` reads it (poppler-utils): laid out like the page, or in reading order (`raw`). */
export function pdfText(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fees-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [mode === 'layout' ? '-layout' : '-raw', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
