// Browser-facing protections (issue 12, finding 9): cross-site request forgery, what the browser may load and frame,
// HTTPS-only once served over HTTPS, and no caching of personal answers.
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config';
import { AppError } from '../platform/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Pages that may be shown inside another site's frame, when MOTCUA_BOARD_FRAME_ANCESTORS names that site. */
const FRAMEABLE = /^\/board\//;

const originOf = (url: string): string | null => {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
};

/**
 * The origins a state-changing request may come from: the app's own (as the request reached it) and
 * MOTCUA_PUBLIC_URL's. A browser sends `Origin` with every cross-site POST/PUT/PATCH/DELETE (and `Referer` mostly);
 * a request with neither comes from a program (curl, the SMS gateway's webhook, a script with its own session), not
 * from a page of another site, and passes: the session cookie (SameSite=Lax) is not sent by a browser to a
 * cross-site sub-request, and programs cannot be made to act by a visited page.
 */
export function checkSameOrigin(req: FastifyRequest, publicUrl: string | undefined): void {
  if (SAFE_METHODS.has(req.method)) return;
  const claimed = req.headers.origin ?? (req.headers.referer !== undefined ? originOf(req.headers.referer) ?? 'null' : undefined);
  if (claimed === undefined) return;
  const own = `${req.protocol}://${req.host}`;
  const allowed = [own, publicUrl ? originOf(publicUrl) : null];
  if (claimed !== 'null' && allowed.includes(claimed)) return;
  throw new AppError(403, 'CROSS_SITE_REQUEST', 'Yêu cầu đến từ một trang web khác nên bị từ chối. Hãy thao tác trực tiếp trên trang motcua.');
}

export async function registerSecurity(app: FastifyInstance, config: AppConfig): Promise<void> {
  const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?')[0]!;
  const frameAncestors = (req: IncomingMessage) =>
    FRAMEABLE.test(pathOf(req)) && config.boardFrameAncestors.length ? config.boardFrameAncestors.join(' ') : "'none'";
  // The API's browsable documentation (Swagger UI) runs a small inline script; nothing else does.
  const scripts = (req: IncomingMessage) => (pathOf(req).startsWith('/api/docs') ? "'self' 'unsafe-inline'" : "'self'");
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [scripts],
        // Ant Design writes its styles at run time (CSS-in-JS): inline styles, never inline scripts.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [frameAncestors],
        upgradeInsecureRequests: null,
      },
    },
    // Set below by request: only over HTTPS, and X-Frame-Options agreeing with frame-ancestors.
    strictTransportSecurity: false,
    xFrameOptions: false,
    referrerPolicy: { policy: 'same-origin' },
  });

  app.addHook('onRequest', async (req) => checkSameOrigin(req, config.publicUrl));
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (!(FRAMEABLE.test(req.url) && config.boardFrameAncestors.length)) reply.header('x-frame-options', 'DENY');
    // Every API answer is either somebody's (a session) or about a person or a dossier: never stored by a browser or
    // a proxy. A route that wants caching says so itself.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
