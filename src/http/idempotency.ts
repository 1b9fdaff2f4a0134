// The Idempotency-Key header for any POST: declare the header in the route's schema and wrap the work.
//
//   schema: { headers: IdempotencyKeyHeader, … }
//   const { answer } = await idempotentReply(req, reply, { scope: 'dossiers.register', status: 201 }, (claim) => work(claim));
//   return reply.send(answer);
//
// A retry with the same key gets the first answer (with the header `Idempotent-Replayed: true`), a concurrent retry
// waits for it, a failed attempt frees the key, and keys are per caller and scope (src/platform/idempotency.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idempotent, NO_CLAIM, type Claim, type IdempotentCall, type Outcome } from '../platform/idempotency';
import { unauthorized } from '../platform/errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const IdempotencyKeyHeader = z.looseObject({
  [IDEMPOTENCY_HEADER]: z.string().trim().min(8, 'Idempotency-Key tối thiểu 8 ký tự').max(200, 'Idempotency-Key tối đa 200 ký tự').optional()
    .describe('Khóa do máy khách sinh cho mỗi yêu cầu: gửi lại cùng khóa thì nhận lại kết quả của lần đầu, không thực hiện hai lần'),
});

/**
 * The caller a key belongs to. Staff today; a new kind of caller (e.g. citizen accounts, on their own request
 * field) gets its own prefix here, and nothing else changes: the table keys on this text.
 */
export function callerOf(req: FastifyRequest): string {
  if (req.actor) return `user:${req.actor.id}`;
  if (req.citizen) return `citizen:${req.citizen.id}`;
  throw unauthorized();
}

export async function idempotentReply<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: Pick<IdempotentCall, 'scope' | 'status' | 'onDifferentRequest'>,
  run: (claim: Claim<T>) => Promise<T>,
): Promise<Outcome<T>> {
  reply.code(opts.status);
  const raw = req.headers[IDEMPOTENCY_HEADER];
  const key = typeof raw === 'string' ? raw.trim() : '';
  if (!key) return { answer: await run(NO_CLAIM), replayed: false };
  const out = await idempotent(req.server.deps.db, { ...opts, caller: callerOf(req), key, request: req.body }, run);
  if (out.replayed) reply.header('idempotent-replayed', 'true');
  return out;
}
