// Citizen sign-in with VNeID / the national portal's SSO through OpenID Connect (issue 15, part 1): authorization
// code with PKCE, state and nonce (openid-client checks the answer, the ID token's signature and claims); the
// identity number comes from the provider's claims. The sign-in opens the same citizen session as the one-time code.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { OidcConfig } from '../../config';
import { PUBLIC } from '../../http/access';
import { limitOf } from '../../http/rate-limits';
import { audit } from '../../platform/audit';
import { one, withTx, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { identityFromClaims, maskIdNumber, type OidcErrorCode, type OidcIdentity } from './domain/oidc';
import { CITIZEN_COOKIE, createCitizenSession } from './sessions';

export const OIDC_LOGIN_COOKIE = 'motcua_oidc_login';
export const CALLBACK_PATH = '/api/v1/citizen/auth/oidc/callback';
const LOGIN_MINUTES = 10;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const OFF = () => new AppError(404, 'CITIZEN_OIDC_OFF', 'Trung tâm chưa bật đăng nhập bằng tài khoản định danh điện tử (VNeID).');

/** The provider's metadata, discovered once and kept for an hour; a failed discovery is tried again next time. */
function discoveryOf(cfg: OidcConfig) {
  let cached: { at: number; config: Promise<oidc.Configuration> } | null = null;
  return (): Promise<oidc.Configuration> => {
    if (cached && Date.now() - cached.at < 3600_000) return cached.config;
    const insecure = new URL(cfg.issuer).protocol === 'http:';
    const config = oidc.discovery(new URL(cfg.issuer), cfg.clientId, undefined, oidc.ClientSecretBasic(cfg.clientSecret),
      insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 });
    cached = { at: Date.now(), config };
    config.catch(() => { cached = null; });
    return config;
  };
}

type Account = { id: string; id_number: string | null };

/**
 * The account for this identity: the one linked to the provider's subject, else the one with the same verified
 * identity number, else a new one. A subject already linked to another identity number is refused, and a number is
 * only ever set on an account that has none or has the same.
 */
async function accountFor(db: Db, issuer: string, who: OidcIdentity & { idNumber: string }, now: Date): Promise<Account | 'mismatch'> {
  return withTx(db, async (tx) => {
    // Two sign-ins of one person at the same moment wait for each other here: the second finds the first's account.
    // Always the number first, then the subject: no two sign-ins wait for each other in a circle.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`citizen-id:${who.idNumber}`]);
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`citizen-oidc:${issuer}:${who.subject}`]);
    const bySubject = await one<Account>(tx, 'SELECT id, id_number FROM citizen_accounts WHERE oidc_issuer = $1 AND oidc_subject = $2 FOR UPDATE', [issuer, who.subject]);
    const byNumber = await one<Account>(tx, 'SELECT id, id_number FROM citizen_accounts WHERE id_number = $1 FOR UPDATE', [who.idNumber]);
    if (bySubject && bySubject.id_number !== null && bySubject.id_number !== who.idNumber) return 'mismatch';
    if (bySubject && byNumber && bySubject.id !== byNumber.id) return 'mismatch';
    const found = bySubject ?? byNumber;
    if (found) {
      await tx.query(`UPDATE citizen_accounts SET id_number = $2, oidc_issuer = $3, oidc_subject = $4, full_name = coalesce($5, full_name),
          id_verified_at = $6, last_sign_in_at = $6 WHERE id = $1`, [found.id, who.idNumber, issuer, who.subject, who.fullName, now]);
      return { id: found.id, id_number: who.idNumber };
    }
    // A new account keeps the provider's phone (else e-mail) as its contact when no other account signs in with it:
    // the dossiers registered with that contact show too. An existing one-time-code account is never taken over.
    let contact = null as null | { kind: 'phone' | 'email'; value: string };
    for (const c of [who.phone, who.email]) {
      if (c && !contact && !(await one(tx, 'SELECT 1 FROM citizen_accounts WHERE contact = $1', [c.value]))) contact = c;
    }
    return (await one<Account>(tx, `INSERT INTO citizen_accounts (contact, contact_kind, id_number, full_name, oidc_issuer, oidc_subject, id_verified_at, created_at, last_sign_in_at)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$7) RETURNING id, id_number`,
    [contact?.value ?? null, contact?.kind ?? null, who.idNumber, who.fullName, issuer, who.subject, now]))!;
  });
}

export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const settings = config.oidc && config.publicUrl ? config.oidc : null;
  const discover = settings ? discoveryOf(settings) : null;
  const redirectUri = `${config.publicUrl ?? ''}${CALLBACK_PATH}`;

  /** Back to the citizen page with the reason; the browser's half-done sign-in is forgotten. */
  const fail = (reply: FastifyReply, code: OidcErrorCode) => {
    reply.clearCookie(OIDC_LOGIN_COOKIE, { path: CALLBACK_PATH });
    return reply.header('cache-control', 'no-store').redirect(`/cong-dan?loi=${code}`, 302);
  };

  app.get('/citizen/auth/oidc', {
    config: { access: PUBLIC },
    schema: {
      tags: ['citizen'], summary: 'Công dân: đăng nhập bằng tài khoản định danh điện tử (VNeID) có được bật không',
      response: { 200: z.object({ enabled: z.boolean(), name: z.string() }) },
    },
  }, async () => ({ enabled: settings !== null, name: settings?.name ?? 'VNeID' }));

  app.get('/citizen/auth/oidc/start', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'oidcPerAddress') },
    schema: {
      tags: ['citizen'], summary: 'Công dân: chuyển tới trang đăng nhập bằng tài khoản định danh điện tử (VNeID)',
      description: 'Trả lời 302 tới hệ thống định danh (mã ủy quyền với PKCE, state và nonce); 404 khi Trung tâm chưa bật.',
    },
  }, async (req, reply) => {
    if (!settings || !discover) throw OFF();
    const { db, clock } = app.deps;
    const now = clock.now();
    let provider: oidc.Configuration;
    try {
      provider = await discover();
    } catch (err) {
      req.log.warn({ err }, 'oidc discovery failed');
      return fail(reply, 'provider');
    }
    const token = randomBytes(32).toString('base64url');
    const login = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
    await withTx(db, async (tx) => {
      await tx.query('DELETE FROM citizen_oidc_logins WHERE expires_at < $1', [now]);
      await tx.query(`INSERT INTO citizen_oidc_logins (id, state, nonce, code_verifier, created_at, expires_at)
        VALUES ($1,$2,$3,$4,$5,$5::timestamptz + make_interval(mins => $6))`, [hashToken(token), login.state, login.nonce, login.verifier, now, LOGIN_MINUTES]);
    });
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: redirectUri, scope: 'openid', response_type: 'code', state: login.state, nonce: login.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.verifier), code_challenge_method: 'S256',
    });
    reply.setCookie(OIDC_LOGIN_COOKIE, token, { ...app.sessionCookieOptions(req), path: CALLBACK_PATH, maxAge: LOGIN_MINUTES * 60 });
    return reply.header('cache-control', 'no-store').redirect(url.href, 302);
  });

  app.get('/citizen/auth/oidc/callback', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'oidcPerAddress') },
    schema: {
      tags: ['citizen'], summary: 'Công dân: hệ thống định danh (VNeID) trả về sau khi đăng nhập',
      description: 'Kiểm tra câu trả lời (state, PKCE, chữ ký và nonce của ID token), mở phiên công dân và chuyển tới /cong-dan; lỗi: /cong-dan?loi=….',
      querystring: z.object({
        code: z.string().max(2000), state: z.string().max(500), error: z.string().max(200), error_description: z.string().max(1000),
        iss: z.string().max(500), session_state: z.string().max(500),
      }).partial(),
    },
  }, async (req, reply) => {
    if (!settings || !discover) throw OFF();
    const { db, clock } = app.deps;
    const now = clock.now();
    const token = req.cookies[OIDC_LOGIN_COOKIE];
    // Used once: the row goes whatever the outcome.
    const login = token ? await one<{ state: string; nonce: string; code_verifier: string; expires_at: Date }>(db,
      'DELETE FROM citizen_oidc_logins WHERE id = $1 RETURNING state, nonce, code_verifier, expires_at', [hashToken(token)]) : null;
    if (req.query.error) {
      await audit(db, { actorId: null, action: 'citizen.oidc_failed', entity: 'citizen', data: { reason: req.query.error.slice(0, 60), ip: req.ip } }, now);
      return fail(reply, req.query.error === 'access_denied' || req.query.error === 'login_required' || req.query.error === 'consent_required' ? 'denied' : 'provider');
    }
    if (!login) return fail(reply, token ? 'expired' : 'state');
    if (now >= login.expires_at) return fail(reply, 'expired');
    if (req.query.state !== login.state) return fail(reply, 'state');
    let claims: Record<string, unknown>;
    try {
      const provider = await discover();
      const rawQuery = req.raw.url?.split('?')[1] ?? '';
      const tokens = await oidc.authorizationCodeGrant(provider, new URL(`${redirectUri}?${rawQuery}`), {
        pkceCodeVerifier: login.code_verifier, expectedState: login.state, expectedNonce: login.nonce, idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      claims = { ...idClaims };
      if (provider.serverMetadata().userinfo_endpoint) {
        // The national portal puts its Vietnamese claims at the userinfo endpoint; the ID token's subject must match.
        claims = { ...(await oidc.fetchUserInfo(provider, tokens.access_token, idClaims.sub)), ...idClaims };
      }
    } catch (err) {
      req.log.warn({ err: { name: (err as Error).name, code: (err as { code?: string }).code, message: (err as Error).message } }, 'oidc callback refused');
      await audit(db, { actorId: null, action: 'citizen.oidc_failed', entity: 'citizen', data: { reason: (err as { code?: string }).code ?? 'invalid', ip: req.ip } }, now);
      return fail(reply, 'provider');
    }
    const who = identityFromClaims(claims);
    if (!who.subject) return fail(reply, 'provider');
    if (!who.idNumber) return fail(reply, 'no-id');
    const account = await accountFor(db, settings.issuer, { ...who, idNumber: who.idNumber }, now);
    if (account === 'mismatch') {
      await audit(db, { actorId: null, action: 'citizen.oidc_failed', entity: 'citizen', data: { reason: 'mismatch', idNumber: maskIdNumber(who.idNumber), ip: req.ip } }, now);
      return fail(reply, 'mismatch');
    }
    await audit(db, { actorId: null, action: 'citizen.sign_in_oidc', entity: 'citizen', entityId: account.id, data: { idNumber: maskIdNumber(who.idNumber), ip: req.ip } }, now);
    const session = await createCitizenSession(db, account.id, now, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? ''), method: 'oidc' });
    reply.clearCookie(OIDC_LOGIN_COOKIE, { path: CALLBACK_PATH });
    reply.setCookie(CITIZEN_COOKIE, session, app.sessionCookieOptions(req));
    return reply.header('cache-control', 'no-store').redirect('/cong-dan', 302);
  });
};
