// The server key that encrypts secrets kept in the database (TOTP secrets today; signing keys may follow), so that a
// copy of the database alone does not reveal them. From MOTCUA_SECRET_KEY (32 bytes, base64 or hex), else a key file
// in the data directory, created on first use with mode 0600. Back it up with the data directory: without it the
// encrypted secrets cannot be read (two-factor users then sign in with a recovery code and enrol again).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SECRET_KEY_FILE = 'secret.key';

export function parseSecretKey(text: string): Buffer {
  const s = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (key.length !== 32) throw new Error('MOTCUA_SECRET_KEY: 32 bytes, written as 64 hex digits or base64 (openssl rand -base64 32)');
  return key;
}

/** The configured key, or the data directory's key file (created when missing). */
export function loadSecretKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return parseSecretKey(configured);
  const file = path.join(dataDir, SECRET_KEY_FILE);
  try {
    return parseSecretKey(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    // Another instance created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return parseSecretKey(fs.readFileSync(file, 'utf8'));
    throw err;
  }
}

/** AES-256-GCM; the result is "v1.<iv>.<tag>.<ciphertext>" in base64url, safe to store as text. */
export function encryptSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv, c.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptSecret(key: Buffer, sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
}

const loaded = new Map<string, Buffer>();
/** The key for this configuration, read (or created) once per process. */
export function secretKeyFor(config: { secretKey?: string; dataDir: string }): Buffer {
  const id = config.secretKey ? `env:${config.secretKey}` : `dir:${config.dataDir}`;
  let key = loaded.get(id);
  if (!key) loaded.set(id, (key = loadSecretKey(config.secretKey, config.dataDir)));
  return key;
}
