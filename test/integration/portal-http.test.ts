import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

// Issue 15, item 6: the public portal over slow 4G. Compression (Brotli, gzip) of assets and API answers, hashed
// assets cached for a year, index.html revalidated on every visit, and the security headers still there.
let t: TestApp;
let web: string;
// A web build as web/vite.config.ts writes it: hashed assets, and `.br`/`.gz` beside the text files.
const JS = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Thủ tục hành chính số ${i}`))};\n`;
const PLAIN_JS = `export const other = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `Hồ sơ ${i}`))};\n`;
const INDEX = `<!doctype html><html lang="vi"><head><title>Trung tâm Hành chính công</title><script type="module" src="/assets/index-AbCdEf12.js"></script></head><body><div id="root"></div>${'<!-- đệm -->'.repeat(100)}</body></html>`;

beforeAll(async () => {
  web = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-web-'));
  fs.mkdirSync(path.join(web, 'assets'));
  const write = (rel: string, text: string, precompressed: boolean) => {
    fs.writeFileSync(path.join(web, rel), text);
    if (!precompressed) return;
    fs.writeFileSync(path.join(web, `${rel}.br`), zlib.brotliCompressSync(text));
    fs.writeFileSync(path.join(web, `${rel}.gz`), zlib.gzipSync(text));
  };
  write('index.html', INDEX, true);
  write('assets/index-AbCdEf12.js', JS, true);
  write('assets/other-Zx9_Yw8-.js', PLAIN_JS, false); // no precompressed copy: compressed on the fly
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
  t = await createTestApp({ webDist: web });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(web, { recursive: true, force: true });
});

const get = (url: string, encoding?: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers: { ...(encoding ? { 'accept-encoding': encoding } : {}), ...headers } });
const decode = (body: Buffer, encoding: string | undefined) =>
  (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8');

describe('hashed assets', () => {
  it('are sent Brotli- or gzip-compressed as the browser asks, cached for a year and immutable', async () => {
    for (const enc of ['br', 'gzip']) {
      const r = await get('/assets/index-AbCdEf12.js', `${enc === 'br' ? 'gzip, deflate, br' : 'gzip, deflate'}`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-encoding']).toBe(enc);
      expect(String(r.headers['content-type'])).toMatch(/javascript/);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
      expect(r.rawPayload.length).toBeLessThan(JS.length / 3);
      expect(decode(r.rawPayload, enc)).toBe(JS);
      // Helmet's policy still applies to the files the app is made of.
      expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    }
  });

  it('are compressed on the fly when the build left no compressed copy, and sent plain to a client that asks for none', async () => {
    const r = await get('/assets/other-Zx9_Yw8-.js', 'br');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decode(r.rawPayload, 'br')).toBe(PLAIN_JS);
    const plain = await get('/assets/index-AbCdEf12.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
  });

  it('a missing asset is a 404, not the page', async () => {
    const r = await get('/assets/index-Gone1234.js', 'br');
    expect(r.statusCode).toBe(404);
    expect(String(r.headers['cache-control'] ?? '')).not.toMatch(/immutable/);
  });
});

describe('the page', () => {
  it('index.html (any client route) is compressed and revalidated on every visit', async () => {
    for (const url of ['/', '/tra-cuu', '/procedures/2.000748']) {
      const r = await get(url, 'br, gzip');
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-encoding'], url).toBe('br');
      expect(r.headers['cache-control'], url).toBe('no-cache');
      expect(String(r.headers['content-type'])).toContain('text/html');
      expect(decode(r.rawPayload, 'br')).toBe(INDEX);
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('unhashed files (the icon) are revalidated, not cached for a year', async () => {
    const r = await get('/favicon.svg', 'br');
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
  });
});

describe('API answers', () => {
  it('a large JSON answer is compressed (br, gzip) and still never stored', async () => {
    for (const enc of ['br', 'gzip']) {
      const r = await get('/api/v1/procedures?limit=100', enc);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-encoding']).toBe(enc);
      expect(r.headers['cache-control']).toBe('no-store');
      const body = JSON.parse(decode(r.rawPayload, enc));
      expect(body.items.length).toBeGreaterThan(20);
      expect(r.rawPayload.length).toBeLessThan(Buffer.byteLength(JSON.stringify(body)) / 3);
    }
  });

  it('a small answer is sent as it is; a client without Accept-Encoding gets plain JSON', async () => {
    const small = await get('/api/v1/health', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('no-store');
    const plain = await get('/api/v1/procedures?limit=100');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().items.length).toBeGreaterThan(20);
  });

  it('an error answer keeps its problem+json type when compressed', async () => {
    const r = await get(`/api/v1/procedures/${'x'.repeat(30)}`, 'gzip');
    expect(r.statusCode).toBe(404);
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
    expect(JSON.parse(decode(r.rawPayload, r.headers['content-encoding'] as string | undefined)).detail).toBeTruthy();
  });
});
