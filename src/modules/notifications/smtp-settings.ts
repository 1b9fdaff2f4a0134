// The e-mail server set by the administrator on the console (issue 13 item 7): one row for the whole system, because
// the mailer is built once per process for every center. The password is encrypted with the server key (like TOTP
// secrets, platform/secret-key.ts) and never leaves the server. MOTCUA_SMTP_URL, when set, wins over the row.
import nodemailer, { type Transporter } from 'nodemailer';
import { audit } from '../../platform/audit';
import { one, type Queryable, type Tx } from '../../platform/db';
import { decryptSecret, encryptSecret } from '../../platform/secret-key';
import { smtpMailer, type Mailer } from './providers/mailer';

export type TlsMode = 'none' | 'starttls' | 'tls';
export const TLS_MODES = ['none', 'starttls', 'tls'] as const;

export interface SmtpSettings {
  host: string;
  port: number;
  tlsMode: TlsMode;
  username: string | null;
  passwordSet: boolean;
  fromName: string;
  fromAddress: string;
  updatedAt: Date | null;
}

interface Row { host: string; port: number; tls_mode: TlsMode; username: string | null; password_enc: string | null; from_name: string; from_address: string; updated_at: Date }

const loadRow = (q: Queryable) => one<Row>(q, 'SELECT host, port, tls_mode, username, password_enc, from_name, from_address, updated_at FROM smtp_settings WHERE id');

export async function loadSmtpSettings(q: Queryable): Promise<SmtpSettings | null> {
  const r = await loadRow(q);
  if (!r) return null;
  return { host: r.host, port: r.port, tlsMode: r.tls_mode, username: r.username, passwordSet: !!r.password_enc, fromName: r.from_name, fromAddress: r.from_address, updatedAt: r.updated_at };
}

export interface SmtpInput {
  host: string;
  port: number;
  tlsMode: TlsMode;
  username: string | null;
  /** A new password; undefined keeps the stored one, null removes it. */
  password?: string | null;
  fromName: string;
  fromAddress: string;
}

export async function saveSmtpSettings(tx: Tx, key: Buffer, input: SmtpInput, actorId: string, now: Date): Promise<void> {
  const keep = input.password === undefined;
  const enc = input.password ? encryptSecret(key, input.password) : null;
  await tx.query(`INSERT INTO smtp_settings (id, host, port, tls_mode, username, password_enc, from_name, from_address, updated_by, updated_at)
    VALUES (true,$1,$2,$3,$4,$5,$6,$7,$8,$9)
    ON CONFLICT (id) DO UPDATE SET host = $1, port = $2, tls_mode = $3, username = $4, password_enc = ${keep ? 'smtp_settings.password_enc' : '$5'},
      from_name = $6, from_address = $7, updated_by = $8, updated_at = $9`,
  [input.host, input.port, input.tlsMode, input.username, enc, input.fromName, input.fromAddress, actorId, now]);
  // The journal says what changed, never the password.
  const { password: _pw, ...safe } = input;
  await audit(tx, { actorId, centerId: null, action: 'notifications.smtp.update', entity: 'smtp_settings', entityId: null, data: { ...safe, passwordChanged: !keep } }, now);
}

/** `"TTHCC Hương Thủy" <thongbao@…>` from the stored name and address. */
export const fromHeader = (s: { fromName: string; fromAddress: string }) => `"${s.fromName.replace(/["\\]/g, '')}" <${s.fromAddress}>`;

/** A mailer over the stored server, or null when none is stored. */
export async function storedSmtpMailer(q: Queryable, key: Buffer): Promise<(Mailer & { from: string }) | null> {
  const r = await loadRow(q);
  if (!r) return null;
  const from = fromHeader({ fromName: r.from_name, fromAddress: r.from_address });
  const transport = nodemailer.createTransport({
    host: r.host, port: r.port,
    secure: r.tls_mode === 'tls', requireTLS: r.tls_mode === 'starttls', ignoreTLS: r.tls_mode === 'none',
    auth: r.username ? { user: r.username, pass: r.password_enc ? decryptSecret(key, r.password_enc) : '' } : undefined,
    connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000,
  });
  return {
    from,
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

// The current stored mailer of each database (one per process, or per test app), replaced when the administrator
// saves the settings and loaded at start-up (src/main.ts).
const current = new WeakMap<object, Mailer & { from: string }>();

export const currentStoredMailer = (db: object) => current.get(db) ?? null;

// One mailer per MOTCUA_SMTP_URL for the process: a transport is not built per message.
const envMailers = new Map<string, Mailer & { from: string }>();

/**
 * The mailer e-mail really goes through: MOTCUA_SMTP_URL when set (it wins), else the server the administrator stored
 * on the console screen; null when neither, and e-mail is off.
 */
export function activeMailer(db: object, env: { smtpUrl?: string; mailFrom?: string }): (Mailer & { from: string }) | null {
  if (env.smtpUrl && env.mailFrom) {
    const key = `${env.smtpUrl}\n${env.mailFrom}`;
    let m = envMailers.get(key);
    if (!m) envMailers.set(key, (m = smtpMailer(env.smtpUrl, env.mailFrom)));
    return m;
  }
  return currentStoredMailer(db);
}

/** Whether e-mail is on, read inside a transaction: the environment's server, or a stored one. */
export async function mailConfigured(q: Queryable, env: { smtpUrl?: string; mailFrom?: string }): Promise<boolean> {
  if (env.smtpUrl && env.mailFrom) return true;
  return (await q.query('SELECT 1 FROM smtp_settings LIMIT 1')).rowCount === 1;
}

export async function refreshStoredMailer(db: Queryable & object, key: Buffer): Promise<void> {
  const next = await storedSmtpMailer(db, key);
  const old = current.get(db);
  if (next) current.set(db, next);
  else current.delete(db);
  old?.close();
}

export interface TestMailResult {
  ok: boolean;
  /** The server's answer: "250 …" when accepted, else its error (code and text). */
  answer: string;
  via: 'env' | 'stored';
}

/**
 * Sends a test message through the server e-mail really goes through (MOTCUA_SMTP_URL when set, else the stored one)
 * and returns the SMTP answer. Throws nothing: a refusal or a connection error is the answer.
 */
export async function sendTestMail(q: Queryable, key: Buffer, env: { smtpUrl?: string; mailFrom?: string }, to: string, subject: string, text: string): Promise<TestMailResult | null> {
  let transport: Transporter;
  let from: string;
  let via: TestMailResult['via'];
  const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
  if (env.smtpUrl && env.mailFrom) {
    transport = nodemailer.createTransport({ url: env.smtpUrl, ...timeouts });
    from = env.mailFrom;
    via = 'env';
  } else {
    const r = await loadRow(q);
    if (!r) return null;
    transport = nodemailer.createTransport({
      host: r.host, port: r.port,
      secure: r.tls_mode === 'tls', requireTLS: r.tls_mode === 'starttls', ignoreTLS: r.tls_mode === 'none',
      auth: r.username ? { user: r.username, pass: r.password_enc ? decryptSecret(key, r.password_enc) : '' } : undefined,
      ...timeouts,
    });
    from = fromHeader({ fromName: r.from_name, fromAddress: r.from_address });
    via = 'stored';
  }
  try {
    const info = await transport.sendMail({ from, to, subject, text }) as { response?: string };
    return { ok: true, answer: info.response ?? '250', via };
  } catch (e) {
    const err = e as Error & { responseCode?: number; code?: string; response?: string };
    return { ok: false, answer: (err.response ?? `${err.code ? `${err.code} ` : ''}${err.message}`).slice(0, 500), via };
  } finally {
    transport.close();
  }
}
