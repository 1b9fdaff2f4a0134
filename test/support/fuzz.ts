import fc from 'fast-check';

// Arbitraries for the OpenAPI-driven fuzz test (test/integration/fuzz-openapi.test.ts): values shaped by an
// operation's JSON schema, then broken in the ways the security review found (and the usual others).

export type JsonSchema = {
  type?: string | string[]; enum?: unknown[]; const?: unknown; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[];
  nullable?: boolean; format?: string; pattern?: string; minLength?: number; maxLength?: number; minimum?: number; maximum?: number;
  exclusiveMinimum?: number | boolean; exclusiveMaximum?: number | boolean; items?: JsonSchema; minItems?: number; maxItems?: number;
  properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: boolean | JsonSchema; default?: unknown;
};

/** Known-good values by field name (ids and codes of rows that exist), so that some requests get past the look-ups. */
export type Pools = Record<string, readonly string[]>;

const LONG = 'a'.repeat(10_000);
/** Strings that broke (or could break) a server: NUL, lone surrogates, impossible dates, numbers that are not. */
export const NASTY_STRINGS = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', 'emoji half \ud83d', '\udc00\ud800', '2026-02-31', '2026-13-45', '0000-00-00', '2026-02-29',
  '9999-12-31', '1899-12-31', '2026-02-31T08:00:00+07:00', '2026-13-45T25:61:00Z', '2026-03-10T08:00:00+25:00', '-1', '1e309', 'NaN',
  'Infinity', '99999999999999999999999', '0x1F', '1.5', '', ' ', '\t\n', "' OR 1=1 --", '../../etc/passwd', '%00', '%ff', '\\', '{}',
  '[]', 'null', 'true', '<script>alert(1)</script>', '\u202eexe.pdf', '🌸', 'Nguyễn Văn An', '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', 'not-a-uuid', '046080000001', '0905123456', '__proto__', 'constructor', LONG, 'x'.repeat(300),
  '\u00a0', '\ufeff', 'ß'.repeat(100), '\u0301', 'a\r\nb', '${7*7}', '*', '%', '_',
];

const codeUnit = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0xa0, max: 0x24f }),
  fc.integer({ min: 0x1ea0, max: 0x1ef9 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0xfff0, max: 0xffff }),
).map((n) => String.fromCharCode(n));

/** Any string: the nasty ones, or random UTF-16 (lone surrogates and control characters included). */
export const anyString = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) }, { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 24 }) });

const oddValues = fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0.5, 2 ** 53, -(2 ** 63), 1e308, -1e308, [], {}, [null], { a: 1 }, [[[[]]]]);
/** Any JSON value, leaning to the ones that trip validators and databases. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: anyString }, { weight: 2, arbitrary: oddValues }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

const realDay = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function regexArb(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return null;
  }
}

/** A value that (mostly) satisfies the schema: the base the mutations start from. */
export function fromSchema(s: JsonSchema | undefined, pools: Pools, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return anyValue;
  const alts: fc.Arbitrary<unknown>[] = [];
  const pool = pools[name];
  if (pool?.length) alts.push(fc.constantFrom(...pool));
  const base = baseOf(s, pools, name, depth);
  alts.push(base);
  if (s.nullable) alts.push(fc.constant(null));
  return alts.length === 1 ? base : fc.oneof(...alts);
}

function baseOf(s: JsonSchema, pools: Pools, name: string, depth: number): fc.Arbitrary<unknown> {
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return fc.oneof(...union.map((u) => fromSchema(u, pools, name, depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0], pools, name, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'email') return fc.emailAddress();
      if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      // A day: mostly real ones (to get past the checks), sometimes any digits (2026-13-45).
      if (s.pattern === String.raw`^\d{4}-\d{2}-\d{2}$`) return fc.oneof(realDay, regexArb(s.pattern)!);
      const byPattern = s.pattern ? regexArb(s.pattern) : null;
      if (byPattern) return byPattern;
      // Free text: ordinary strings, or the nasty ones that fit the length limits (they must reach the handlers and
      // the database, as the lone surrogates that broke the jsonb columns did).
      const min = s.minLength ?? 0;
      const max = s.maxLength ?? Infinity;
      return fc.oneof(
        fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 30)) }),
        anyString.filter((x) => x.length >= min && x.length <= max && x.trim().length >= min),
      );
    }
    case 'integer': {
      const min = typeof s.minimum === 'number' ? s.minimum : -1000;
      const max = typeof s.maximum === 'number' ? Math.min(s.maximum, min + 1_000_000) : min + 1000;
      return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.max(min, max) });
    }
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : -1000;
      const max = typeof s.maximum === 'number' ? Math.min(s.maximum, min + 1_000_000) : min + 1000;
      return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fromSchema(s.items, pools, name, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
    case 'object': {
      const props = s.properties ?? {};
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) arbs[k] = fromSchema(v, pools, k, depth + 1);
      return fc.record(arbs, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return anyValue;
  }
}

type Path = (string | number)[];
function pathsOf(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...path, k], out);
  return out;
}

/** The value with one place broken: replaced by `bad`, removed, or given an unexpected extra key. */
export function mutate(value: unknown, pick: number, bad: unknown, how: 'replace' | 'delete' | 'add'): unknown {
  const copy = structuredClone(value);
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length];
  if (path.length === 0) return how === 'add' && copy && typeof copy === 'object' && !Array.isArray(copy) ? { ...copy, ['x' + pick]: bad } : bad;
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (how === 'add' && parent[key] && typeof parent[key] === 'object' && !Array.isArray(parent[key])) {
    (parent[key] as Record<string, unknown>)[pick % 2 ? '__proto__' : 'unexpected'] = bad;
  } else {
    parent[key] = bad;
  }
  return copy;
}

/** A value shaped like the schema, usually with one place broken. */
export function malformed(s: JsonSchema | undefined, pools: Pools, name = ''): fc.Arbitrary<unknown> {
  const good = fromSchema(s, pools, name);
  return fc.oneof(
    { weight: 3, arbitrary: good },
    { weight: 4, arbitrary: fc.tuple(good, fc.nat(), anyValue, fc.constantFrom('replace' as const, 'delete' as const, 'add' as const)).map(([v, n, bad, how]) => mutate(v, n, bad, how)) },
    { weight: 1, arbitrary: anyValue },
  );
}

/**
 * Percent-encoding for any JS string, lone surrogates included (as the 3-byte sequence a broken client would send,
 * which is not valid UTF-8): encodeURIComponent throws on them.
 */
export function pct(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (/^[A-Za-z0-9\-_.~]$/.test(ch)) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)].map((b) => '%' + b.toString(16).toUpperCase()).join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** Path segments and query strings no encoder would produce. */
export const RAW_SEGMENTS = ['%', '%zz', '%c0%80', '%ED%A0%80', '%FF%FE', '..', '%2e%2e', '%2F', 'a%00b', '%E2%80%AE', ';x=1', 'a'.repeat(150), '%25%00'];
export const RAW_QUERIES = ['%zz', 'a=%ED%A0%80', 'a[b]=1', '__proto__[x]=1', 'constructor[prototype][x]=1', 'center=%00', '&&&=', 'x'.repeat(3000), 'q=%FF', 'limit=1&limit=2'];

/** Bodies of the wrong kind: broken JSON, multipart without a boundary, other content types, bad UTF-8. */
export const RAW_BODIES: { contentType?: string; payload: string | Buffer }[] = [
  { contentType: 'application/json', payload: '{"a":' },
  { contentType: 'application/json', payload: '' },
  { contentType: 'application/json', payload: '"\\ud800"' },
  { contentType: 'application/json', payload: '{"__proto__":{"x":1}}' },
  { contentType: 'application/json', payload: '{"constructor":{"prototype":{"x":1}}}' },
  { contentType: 'application/json', payload: '['.repeat(3000) + ']'.repeat(3000) },
  { contentType: 'application/json', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x7d]) },
  { contentType: 'application/json; charset=utf-16', payload: '{}' },
  { contentType: 'application/json; charset=latin1', payload: '{}' },
  { contentType: 'multipart/form-data', payload: 'abc' },
  { contentType: 'multipart/form-data; boundary=xyz', payload: 'garbage' },
  { contentType: 'multipart/form-data; boundary=xyz', payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n' },
  { contentType: 'multipart/form-data; boundary=xyz', payload: '--xyz\r\nContent-Disposition: form-data; name="checklistIndex"\r\n\r\n\u0000\r\n--xyz--\r\n' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=%zz' },
  { contentType: 'text/plain', payload: 'xin chào' },
  { contentType: 'application/xml', payload: '<a/>' },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', payload: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]) },
  { contentType: 'application/octet-stream', payload: Buffer.alloc(32, 0) },
  { contentType: '', payload: 'x' },
  { contentType: ';;;', payload: '{}' },
];
