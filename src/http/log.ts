import type { DestinationStream, LoggerOptions } from 'pino';
import pino from 'pino';

// The request log without citizens' personal data. Clerks search by citizen ID and phone, so those numbers arrive
// in query strings; PostgreSQL's error details echo the row a statement tried to write. Every string a log line
// carries (URLs, messages, error texts) goes through `maskPersonalData`, and database errors lose the fields that
// hold values (`detail`, `where`) before they are written.

// One pass, leftmost match first: a UUID is kept whole (an id, not a person), anything else that looks like an
// e-mail address, a phone number (with or without spaces/dots, +84 or 0) or a run of 9 or more digits (citizen ID,
// old ID card, tax code, account, or one of them mistyped with a digit too many) is masked.
const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
const EMAIL = String.raw`[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`;
const SEP = String.raw`(?:[ .]|%20|\+)`;
const PHONE = String.raw`(?:(?:\+|%2B)84|(?<!\d)0)\d{2,3}${SEP}?\d{3}${SEP}?\d{3,4}(?!\d)`;
const DIGITS = String.raw`\d{9,}`;
const PERSONAL = new RegExp(`(${UUID})|${EMAIL}|${PHONE}|${DIGITS}`, 'g');

/** The text with e-mail addresses, phone numbers and 9–12 digit numbers replaced by asterisks. */
export function maskPersonalData(text: string): string {
  return text.replace(PERSONAL, (m, uuid: string | undefined) => {
    if (uuid) return m;
    const at = m.search(/@|%40/);
    // Digits become asterisks; separators and %-escapes (%2B, %20) stay as they were.
    return at > 0 ? `***${m.slice(at)}` : m.replace(/%[0-9A-Fa-f]{2}|\d/g, (x) => (x.length === 3 ? x : '*'));
  });
}

// PostgreSQL's error fields that carry the values of the failing row or call.
const DB_VALUE_FIELDS = ['detail', 'where', 'internalQuery', 'hint'];

function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  // Errors, requests and replies are left to their serializers (below), which see them whole.
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  const fromDb = typeof (value as { severity?: unknown }).severity === 'string' && /^[0-9A-Z]{5}$/.test(String((value as { code?: unknown }).code));
  for (const [k, v] of Object.entries(value)) {
    if (fromDb && DB_VALUE_FIELDS.includes(k)) continue;
    out[k] = clean(v, depth + 1);
  }
  return out;
}

// PostgreSQL quotes the offending value in its messages: invalid input syntax for type uuid: "Nguyễn Văn An".
const quotedValue = (msg: string) => msg.replace(/: "[^"]*"/g, ': "…"');

function serializeError(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object') return clean(out);
  const plain = clean({ ...out }) as Record<string, unknown>;
  if (typeof plain.message === 'string' && typeof plain.severity === 'string') {
    plain.message = quotedValue(plain.message);
    if (typeof plain.stack === 'string') plain.stack = quotedValue(plain.stack);
  }
  return plain;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Pino options for the app's logger (Fastify's `logger` option): the serializers and hooks that mask. */
export function loggerOptions(level: string, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: maskPersonalData(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: serializeError,
    },
    formatters: { log: (obj) => clean(obj) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}
