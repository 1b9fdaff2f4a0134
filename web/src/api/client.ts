// One small fetch wrapper: JSON (or a multipart form) in, JSON out, the session cookie travels with same-origin
// requests, and errors come back as ApiError built from the server's application/problem+json body.

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  /** Field- or item-level details (validation failures, refused import rows). */
  errors?: Record<string, string>[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code?: string;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.problem = problem;
  }
}

export const API_BASE = '/api/v1';

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown, query?: Query, extraHeaders?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...extraHeaders };
  const form = body instanceof FormData;
  // A FormData body sets its own multipart content type (with the boundary).
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(API_BASE + withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', title: 'network' });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const problem = (data && typeof data === 'object' ? data : {}) as Problem;
    throw new ApiError(res.status, { status: res.status, ...problem });
  }
  return data as T;
}

export const http = {
  get: <T>(path: string, query?: Query) => api<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => api<T>('POST', path, body ?? {}, undefined, headers),
  put: <T>(path: string, body: unknown) => api<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => api<T>('PATCH', path, body),
  del: <T>(path: string, body?: unknown) => api<T>('DELETE', path, body),
};

export const apiUrl = (path: string, query?: Query) => API_BASE + withQuery(path, query);

/**
 * A fresh key for the Idempotency-Key header: send the same key again to retry a request (a double click, a lost
 * answer) and the server answers with the first result instead of doing it twice.
 */
export function newIdempotencyKey(): string {
  // getRandomValues, not randomUUID: the console may be opened over plain HTTP on the center's network, where
  // randomUUID does not exist.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
