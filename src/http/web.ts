import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A file the web build named after its content (`/assets/index-B2x9kQ_a.js`): it never changes under that name. */
const HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Compression of every answer (API JSON, the page, the assets): a citizen on a phone over slow 4G pays for every
 * byte. Brotli when the browser offers it, gzip otherwise. Answers the server makes on the fly are compressed at
 * Brotli quality 4 (fast: JSON lists are built per request); the web build's files come precompressed at the
 * highest quality (web/vite.config.ts writes `.br` and `.gz` beside each file) and @fastify/static serves those.
 * Server-Sent Events (the queue board) write to the socket themselves and are never buffered here.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/**
 * The single-page web app from `root` (web/dist). Hashed assets are cached for a year (`immutable`: a new build
 * has new names); index.html and the unhashed files (favicon) are revalidated on every visit (`no-cache`), so a
 * deployment reaches every browser at its next page load.
 */
export async function registerWebApp(app: FastifyInstance, root: string, notFound: (req: FastifyRequest, reply: FastifyReply) => unknown): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const rel = '/' + path.relative(root, filePath).split(path.sep).join('/').replace(/\.(br|gz)$/, '');
      reply.header('cache-control', HASHED.test(rel) ? IMMUTABLE : 'no-cache');
    },
  });
  // Single-page app: any non-API path gets index.html and the client router takes over.
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, (req, reply) => {
    // An asset that is not there (e.g. from an older build) must fail loudly, not come back as index.html.
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return notFound(req, reply);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return true;
}
