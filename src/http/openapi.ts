import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Gives a schema a name in the OpenAPI document: it becomes `components.schemas.<id>` (and `<id>Input` for its
 * request form) and routes refer to it, so the web's generated types (web/src/api/schema.gen.ts, `npm run gen:api`)
 * carry the name. Name the shapes several routes share or the web names; the others stay inline.
 */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
  return schema;
}

type Doc = { paths?: unknown; components?: { schemas?: Record<string, unknown> } };

/**
 * fastify-type-provider-zod's document transform, keeping only the components some route uses: every named schema
 * is emitted twice (`X` as answered, `XInput` as accepted), and the form no route uses is noise in the document and
 * in the generated web types.
 */
export function transformDocument(input: Parameters<typeof jsonSchemaTransformObject>[0]): ReturnType<typeof jsonSchemaTransformObject> {
  const doc = jsonSchemaTransformObject(input) as Doc;
  const schemas = doc.components?.schemas;
  if (!schemas) return doc as ReturnType<typeof jsonSchemaTransformObject>;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
        const id = value.slice(REF_PREFIX.length);
        if (!used.has(id)) {
          used.add(id);
          visit(schemas[id]);
        }
      } else visit(value);
    }
  };
  visit(doc.paths);
  for (const id of Object.keys(schemas)) if (!used.has(id)) delete schemas[id];
  return doc as ReturnType<typeof jsonSchemaTransformObject>;
}
const REF_PREFIX = '#/components/schemas/';
