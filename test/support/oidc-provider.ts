// A real OpenID Connect provider on a random local port (`oidc-provider`), issuing the national portal's (VNeID)
// Vietnamese claims, for the citizen sign-in tests. Its login and consent pages are replaced by a tiny interaction
// handler: the test says who signs in next (`as(accountId)`) or that the citizen refuses (`deny()`).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type VneidClaims = Record<string, string>;

export interface TestOidcProvider {
  issuer: string;
  /** The next sign-in is this account (a key of `accounts`). */
  as(accountId: string): void;
  /** The next sign-in is refused by the citizen (access_denied). */
  deny(): void;
  close(): Promise<void>;
}

const VNEID_CLAIMS = ['sub', 'TechID', 'SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'GioiTinh', 'SoDienThoai', 'ThuDienTu', 'LoaiTaiKhoan'];

export async function startOidcProvider(opts: { clientId: string; clientSecret: string; redirectUri: string; accounts: Record<string, VneidClaims> }): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let next: { accountId: string } | { deny: true } = { deny: true };

  const provider = new Provider(issuer, {
    clients: [{
      client_id: opts.clientId, client_secret: opts.clientSecret, redirect_uris: [opts.redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    claims: { openid: VNEID_CLAIMS },
    findAccount: (_ctx, id) => (opts.accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...opts.accounts[id] }) } : undefined),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['motcua-test-oidc-cookie-key'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider', err));
  const callback = provider.callback();

  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) { callback(req, res); return; }
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if ('deny' in next) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Người dùng từ chối' }, { mergeWithLastSubmission: false });
      } else if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: next.accountId } }, { mergeWithLastSubmission: false });
      } else {
        const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope('openid');
        grant.addOIDCClaims(VNEID_CLAIMS);
        await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
      }
    })().catch((err: unknown) => { res.statusCode = 500; res.end(String(err)); });
  });

  return {
    issuer,
    as(accountId) { next = { accountId }; },
    deny() { next = { deny: true }; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * Follows the provider's redirects like a browser (with its own cookie jar for the provider) from `start` until the
 * provider sends the browser back to `redirectUri`; returns that address with its query.
 */
export async function browseProvider(start: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 20; hop++) {
    if (url.href.startsWith(redirectUri)) return url;
    const r = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const location = r.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${url.pathname}: ${r.status} ${await r.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}
