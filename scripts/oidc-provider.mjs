// A local OpenID Connect provider for the browser tests (scripts/e2e.mjs): `oidc-provider` issuing the national
// portal's (VNeID) claims for one citizen, its login and consent pages replaced by an automatic yes, so the citizen
// page's "Đăng nhập bằng VNeID" runs the real code flow end to end. Never part of the product.
import http from 'node:http';
import Provider from 'oidc-provider';

const CLAIMS = ['sub', 'TechID', 'SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'SoDienThoai', 'LoaiTaiKhoan'];
export const E2E_OIDC_CITIZEN = { TechID: 'e2e-vneid-1', SoDinhDanh: '046099000777', HoVaTen: 'Phạm Thị Hồng Nhung', NgayThangNamSinh: '19910315', LoaiTaiKhoan: '1' };

export async function startOidcProvider({ clientId, clientSecret, redirectUri }) {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: CLAIMS },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...E2E_OIDC_CITIZEN }) }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['motcua-e2e-oidc-cookie-key'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) { callback(req, res); return; }
    (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: 'e2e-vneid-1' } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session.accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope('openid');
      grant.addOIDCClaims(CLAIMS);
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((err) => { res.statusCode = 500; res.end(String(err)); });
  });
  return { issuer, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
