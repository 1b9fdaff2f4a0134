import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors';
import { fieldLabel } from './zod-vi';

// One check for every request, before any schema or handler sees it: text that PostgreSQL cannot store.
// A NUL character is refused by every text and jsonb column (22021 / 22P05), and a lone UTF-16 surrogate (half of
// an emoji, "\ud800" in JSON) is refused by jsonb and silently turned into U+FFFD by the driver for text. Neither
// has a use in this product, so both are a 400 here instead of a 500 (or a half-written request) deep inside.

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 64;

type Finding = { path: (string | number)[]; kind: 'text' | 'depth' };

/** Where a value first holds unsafe text (in a string or a key) or nests too deep; null when it is clean. */
export function findUnsafeText(value: unknown, path: (string | number)[] = [], depth = 0): Finding | null {
  if (typeof value === 'string') return UNSAFE.test(value) ? { path, kind: 'text' } : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  if (depth > MAX_DEPTH) return { path, kind: 'depth' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findUnsafeText(value[i], [...path, i], depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (UNSAFE.test(k)) return { path: [...path, k], kind: 'text' };
    const p = findUnsafeText(v, [...path, k], depth + 1);
    if (p) return p;
  }
  return null;
}

/** preValidation hook: refuses NUL and lone surrogates in the path parameters, the query string and a JSON body. */
export async function rejectUnsafeText(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const parts = [['params', req.params], ['querystring', req.query], ['body', req.body]] as const;
  for (const [where, value] of parts) {
    const found = findUnsafeText(value);
    if (!found) continue;
    const { path } = found;
    if (found.kind === 'depth') throw new AppError(400, 'TOO_DEEP', `Dữ liệu gửi lên lồng nhau quá ${MAX_DEPTH} cấp.`);
    const key = path.filter((p) => typeof p === 'string').at(-1) as string | undefined;
    const field = key ? fieldLabel(key) : where === 'body' ? 'nội dung gửi lên' : 'đường dẫn';
    throw new AppError(400, 'INVALID_CHARACTERS',
      `Dữ liệu gửi lên không hợp lệ: ${field} chứa ký tự không được phép (ký tự NUL hoặc ký tự Unicode không hoàn chỉnh).`,
      undefined, [{ path: path.join('.') || where, message: 'chứa ký tự không được phép' }]);
  }
}
