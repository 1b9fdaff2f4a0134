import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { presentedResponse, responseSerializer } from './serializer';

const Plain = z.object({ name: z.string() });
const Presented = presentedResponse(z.object({ name: z.string(), due: z.string().nullable() }));

async function appWith(strict: boolean, answer: Record<string, unknown>) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ strict }));
  app.get('/plain', { schema: { response: { 200: Plain } } }, async () => answer);
  app.get('/presented', { schema: { response: { 200: Presented } } }, async () => answer);
  await app.ready();
  return app;
}

describe('response serializer', () => {
  it('an ordinary schema drops undeclared fields, strict or not', async () => {
    for (const strict of [true, false]) {
      const app = await appWith(strict, { name: 'Nguyễn Văn An', passwordHash: 'x' });
      expect((await app.inject('/plain')).json()).toEqual({ name: 'Nguyễn Văn An' });
      await app.close();
    }
  });

  it('a presented answer that matches its schema is sent as is', async () => {
    for (const strict of [true, false]) {
      const app = await appWith(strict, { name: 'Trần Thị Bình', due: null });
      const r = await app.inject('/presented');
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ name: 'Trần Thị Bình', due: null });
      await app.close();
    }
  });

  it('strict (the test suite): a presenter emitting an undeclared field fails instead of shipping it', async () => {
    const app = await appWith(true, { name: 'Lê Văn Cường', due: null, secret: 'x' });
    expect((await app.inject('/presented')).statusCode).toBe(500);
    await app.close();
  });

  it('strict: a mistyped field fails too', async () => {
    const app = await appWith(true, { name: 'Lê Văn Cường', due: 5 });
    expect((await app.inject('/presented')).statusCode).toBe(500);
    await app.close();
  });

  it('production: the presented answer is not parsed again (what the presenter built is what is sent)', async () => {
    const app = await appWith(false, { name: 'Lê Văn Cường', due: null, secret: 'x' });
    expect((await app.inject('/presented')).json()).toEqual({ name: 'Lê Văn Cường', due: null, secret: 'x' });
    await app.close();
  });
});
