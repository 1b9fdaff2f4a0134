// Signers' keys: a PKCS#12 file and its passphrase per signer, each sealed with the server key
// (platform/secret-key.ts, as the TOTP secrets), so a copy of the database alone reveals no key.
// In demo mode a local test CA (created once per database, its key sealed the same way) issues a demo head's
// certificate on the first signature; outside demo mode a signer's .p12 is imported with `npm run signing:import`.
import { randomBytes } from 'node:crypto';
import { one, type Queryable } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { decryptSecret, encryptSecret } from '../../platform/secret-key';
import { createTestCa, issueSignerP12, type CaMaterial } from './ca';
import { openP12, type OpenedKey } from './sign';

export const DEMO_CA_NAME = 'motcua CA thử nghiệm (không dùng thật)';

type KeyRow = { p12_enc: string; passphrase_enc: string; title: string; not_after: Date };

export interface SignerKey {
  key: OpenedKey;
  /** The title printed on the result, as configured with the key. */
  title: string;
}

async function demoCa(q: Queryable, secret: Buffer, now: Date): Promise<CaMaterial> {
  const load = () => one<{ cert_pem: string; key_enc: string }>(q, 'SELECT cert_pem, key_enc FROM signing_ca WHERE id = 1');
  let row = await load();
  if (!row) {
    const ca = createTestCa(DEMO_CA_NAME, now);
    // Two first signatures at once: one CA wins, both use it.
    await q.query('INSERT INTO signing_ca (id, name, cert_pem, key_enc, created_at) VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
      [DEMO_CA_NAME, ca.certPem, encryptSecret(secret, ca.keyPem), now]);
    row = await load();
  }
  return { certPem: row!.cert_pem, keyPem: decryptSecret(secret, row!.key_enc) };
}

/** The demo CA's certificate (PEM), for tests and for a reader that wants to trust it; null before the first signature. */
export async function demoCaCertificate(q: Queryable): Promise<string | null> {
  return (await one<{ cert_pem: string }>(q, 'SELECT cert_pem FROM signing_ca WHERE id = 1'))?.cert_pem ?? null;
}

/** Stores a signer's .p12 sealed (checks first that it opens with the passphrase and holds a key). */
export async function storeSigningKey(q: Queryable, secret: Buffer, userId: string, p12: Buffer, passphrase: string, title: string, now: Date): Promise<{ subject: string; notAfter: Date }> {
  const opened = openP12(p12, passphrase);
  await q.query(`INSERT INTO signing_keys (user_id, p12_enc, passphrase_enc, subject, title, not_after, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
    ON CONFLICT (user_id) DO UPDATE SET p12_enc = EXCLUDED.p12_enc, passphrase_enc = EXCLUDED.passphrase_enc, subject = EXCLUDED.subject,
      title = EXCLUDED.title, not_after = EXCLUDED.not_after, created_at = EXCLUDED.created_at`,
  [userId, encryptSecret(secret, p12.toString('base64')), encryptSecret(secret, passphrase), opened.subject, title, opened.notAfter, now]);
  return { subject: opened.subject, notAfter: opened.notAfter };
}

/**
 * The signer's key, opened. In demo mode a signer without one gets a certificate from the demo CA; otherwise a
 * missing or expired key is a 409 telling what to do.
 */
export async function signerKey(q: Queryable, secret: Buffer, signer: { id: string; fullName: string; email: string | null; unit: string; title: string }, now: Date, demo: boolean): Promise<SignerKey> {
  const load = () => one<KeyRow>(q, 'SELECT p12_enc, passphrase_enc, title, not_after FROM signing_keys WHERE user_id = $1', [signer.id]);
  let row = await load();
  if (!row && demo) {
    const ca = await demoCa(q, secret, now);
    const passphrase = randomBytes(18).toString('base64url');
    const { p12 } = issueSignerP12(ca, { name: signer.fullName, title: signer.title, unit: signer.unit, email: signer.email ?? undefined }, passphrase, now);
    await storeSigningKey(q, secret, signer.id, p12, passphrase, signer.title, now);
    row = await load();
  }
  if (!row) throw new AppError(409, 'SIGNING_NO_KEY', 'Tài khoản của bạn chưa được cấu hình chứng thư số để ký kết quả. Liên hệ quản trị hệ thống.');
  if (row.not_after <= now) throw new AppError(409, 'SIGNING_KEY_EXPIRED', 'Chứng thư số của bạn đã hết hạn. Liên hệ quản trị hệ thống để gia hạn.');
  const key = openP12(Buffer.from(decryptSecret(secret, row.p12_enc), 'base64'), decryptSecret(secret, row.passphrase_enc));
  return { key, title: row.title };
}
