import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Response schemas whose answers a presenter builds field by field (nothing reaches them from a raw row).
 *
 * Why: every response goes through its zod schema, which checks it and drops undeclared fields — a safety net
 * against leaking a column. On the hottest answers (a dossier, a page of dossiers) that parse costs about a third
 * of the request's CPU and most of its garbage. For these schemas only, production sends the presenter's object
 * with JSON.stringify; the test suite (strict mode) still parses every one of them AND fails when the parse would
 * change anything, so a presenter that emits a field its schema does not declare breaks the tests instead of
 * shipping.
 */
const presented = new WeakSet<object>();

/** Marks a response schema as built only by presenters (see above). Returns the schema. */
export function presentedResponse<T extends z.ZodType>(schema: T): T {
  presented.add(schema);
  return schema;
}

export function responseSerializer(opts: { strict: boolean }): FastifySerializerCompiler<z.ZodType> {
  return (route) => {
    const checked = serializerCompiler(route);
    const schema = route.schema as { properties?: object } | undefined;
    if (!schema || !(presented.has(schema) || (schema.properties && presented.has(schema.properties)))) return checked;
    if (!opts.strict) return (data) => JSON.stringify(data);
    return (data) => {
      const out = checked(data);
      if (!isDeepStrictEqual(JSON.parse(out), JSON.parse(JSON.stringify(data)))) {
        throw new Error(`${route.method} ${route.url}: the presenter's answer differs from its response schema (an undeclared or mistyped field)`);
      }
      return out;
    };
  };
}
