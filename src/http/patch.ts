import { z } from 'zod';

// A PATCH changes exactly the fields it sends. `CreateSchema.partial()` does not give that in zod 4: a field with a
// `.default()` stays a default inside `.optional()`, so `PATCH {"phone": …}` came back with address = '' and
// saturdayMorningOpen = true filled in, and the UPDATE wrote them (blanked a center's address and e-mail, wiped a
// department's fields, re-activated a counter). Every PATCH body is built from its create schema by patchOf.

type Patched<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<z.ZodType<Exclude<z.output<S[K]>, undefined>>> };

/** The create schema's wrappers that supply a value when the field is absent. */
function withoutDefault(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    if (cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
    else return cur;
  }
}

/** The body of a PATCH for the entity `schema` creates: every field optional, none with a default. */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<Patched<S>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, s] of Object.entries(schema.shape)) shape[k] = withoutDefault(s as z.ZodType).optional();
  return z.object(shape) as unknown as z.ZodObject<Patched<S>>;
}
