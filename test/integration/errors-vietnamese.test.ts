import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { register } from '../support/dossiers';

// Issue 12, finding 6: every error a client can provoke is application/problem+json with a Vietnamese detail —
// zod's validation messages and Fastify's own errors included (the review found 6,460 answers in zod's English and
// Fastify's plain English JSON for bad %-encoding and over-long paths).
let t: TestApp;
let admin: string;
let clerk: string;
let port: number;
let code: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  clerk = await t.login('tn.tp');
  code = (await register(t, clerk)).code;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(async () => t.close());

// zod's and Fastify's English, and Node's JSON parser's.
const ENGLISH = /Invalid input|expected \w+, received|\bRequired\b|must be|is not a valid|Bad Request|Unsupported Media Type|Body cannot be empty|Request body is too large|Client Error|Exceeded maximum|max param length|Unexpected token|in JSON at position|Internal Server Error/;
const VIETNAMESE = /[\u1ea0-\u1ef9ăâđêôơư]/i;

function expectVietnameseProblem(status: number, contentType: string | undefined, body: string) {
  expect(contentType, body).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(body);
  expect(p.status).toBe(status);
  expect(p.detail).toMatch(VIETNAMESE);
  expect(body).not.toMatch(ENGLISH);
  return p as { detail: string; code: string };
}

type Case = { name: string; status: number; method?: 'GET' | 'POST' | 'PATCH'; url: string | (() => string); as?: () => string; payload?: string | Buffer; contentType?: string; detail?: RegExp };
const CASES: Case[] = [
  { name: 'zod: missing fields', status: 400, method: 'POST', url: '/api/v1/auth/login', payload: '{}', contentType: 'application/json', detail: /«Tên đăng nhập»: bắt buộc.*«Mật khẩu»: bắt buộc/ },
  { name: 'zod: wrong types', status: 400, method: 'POST', url: '/api/v1/auth/login', payload: '{"username":1,"password":[]}', contentType: 'application/json', detail: /«Tên đăng nhập»: phải là một chuỗi ký tự/ },
  { name: 'zod: a body that is not an object', status: 400, method: 'POST', url: '/api/v1/auth/login', payload: 'xin chào', contentType: 'text/plain', detail: /phải là một đối tượng JSON/ },
  { name: 'zod: query out of range', status: 400, url: '/api/v1/procedures?limit=0', detail: /limit tối thiểu 1/ },
  { name: 'zod: query not a number', status: 400, url: '/api/v1/admin/users?limit=abc', as: () => admin, detail: /«Số dòng tối đa»: phải là một số/ },
  { name: 'zod: not a UUID in the path', status: 400, method: 'PATCH', url: '/api/v1/admin/users/abc', as: () => admin, payload: '{}', contentType: 'application/json', detail: /Mã tài khoản không hợp lệ/ },
  { name: 'zod: enum', status: 400, url: '/api/v1/dossiers?sort=newest', as: () => clerk, detail: /«Sắp xếp»: phải là một trong các giá trị/ },
  { name: 'zod: nested field of a registration', status: 400, method: 'POST', url: '/api/v1/dossiers', as: () => clerk, payload: '{"procedure":"2.000748","applicant":{"fullName":5}}', contentType: 'application/json', detail: /«Họ và tên»: phải là một chuỗi ký tự/ },
  { name: 'an impossible date', status: 400, url: '/api/v1/dossiers?from=2026-02-31', as: () => clerk, detail: /Ngày không tồn tại/ },
  { name: 'bad %-encoding in the path', status: 400, url: '/api/v1/procedures/%zz', detail: /%-encoding/ },
  { name: 'bad %-encoding (an encoded lone surrogate)', status: 400, url: '/api/v1/public/dossiers/%ED%A0%80', detail: /%-encoding/ },
  { name: 'a path parameter over 100 characters', status: 414, url: `/api/v1/procedures/${'a'.repeat(200)}`, detail: /Đường dẫn quá dài/ },
  { name: 'NUL in the path', status: 400, url: '/api/v1/public/dossiers/abc%00def', detail: /ký tự không được phép/ },
  { name: 'unsupported content type', status: 415, method: 'POST', url: '/api/v1/auth/login', payload: '<a/>', contentType: 'application/xml', detail: /không được hỗ trợ/ },
  { name: 'malformed JSON', status: 400, method: 'POST', url: '/api/v1/auth/login', payload: '{"username":', contentType: 'application/json', detail: /JSON không hợp lệ/ },
  { name: 'empty JSON body', status: 400, method: 'POST', url: '/api/v1/auth/login', payload: '', contentType: 'application/json', detail: /JSON trống/ },
  { name: 'JSON with __proto__', status: 400, method: 'POST', url: '/api/v1/auth/login', payload: '{"__proto__":{"x":1}}', contentType: 'application/json' },
  { name: 'body over the limit', status: 413, method: 'POST', url: '/api/v1/auth/login', payload: `{"username":"${'a'.repeat(6 * 1024 * 1024)}"}`, contentType: 'application/json', detail: /quá lớn/ },
  { name: 'multipart without a boundary', status: 400, method: 'POST', url: () => `/api/v1/dossiers/${code}/files`, as: () => clerk, payload: 'abc', contentType: 'multipart/form-data' },
  { name: 'an unknown route', status: 404, url: '/api/v1/khong-co', detail: /Không có đường dẫn/ },
];

describe('every error a client can provoke is in Vietnamese', () => {
  it.each(CASES)('$name', async (c) => {
    const headers: Record<string, string> = {};
    if (c.as) headers.cookie = c.as();
    if (c.contentType) headers['content-type'] = c.contentType;
    const r = await t.app.inject({ method: c.method ?? 'GET', url: typeof c.url === 'string' ? c.url : c.url(), headers, ...(c.payload !== undefined ? { payload: c.payload } : {}) });
    expect(r.statusCode, r.body).toBe(c.status);
    const p = expectVietnameseProblem(c.status, r.headers['content-type'] as string, r.body);
    if (c.detail) expect(p.detail).toMatch(c.detail);
  });
});

/** Sends raw bytes to the listening server and returns the raw HTTP answer. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d.toString('utf8')));
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', (e) => (out ? resolve(out) : reject(e)));
    socket.end(request);
  });
}

describe("requests Node's HTTP parser refuses get the same problem+json", () => {
  it.each([
    ['a malformed request line', 'GARBAGE\r\n\r\n', 400],
    ['a path longer than the header limit', `GET /api/v1/procedures/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
    ['headers over the size limit', `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
    ['bad %-encoding over a real socket', 'GET /api/v1/procedures/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  ])('%s', async (_name, request, status) => {
    const answer = await raw(request);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    const contentType = /content-type: ([^\r\n]+)/i.exec(head)?.[1];
    expectVietnameseProblem(status, contentType, body);
  });
});
